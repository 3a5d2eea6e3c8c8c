package org.loredigest.ingest.source.http;

import java.io.IOException;

/** lore answered with a status the caller cannot use. */
public class HttpStatusException extends IOException {

    private final int status;

    public HttpStatusException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
