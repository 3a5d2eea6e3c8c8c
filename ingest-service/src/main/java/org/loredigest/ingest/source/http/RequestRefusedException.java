package org.loredigest.ingest.source.http;

import java.io.IOException;

/** A request or redirect hop the source policy does not allow: it was not sent. */
public class RequestRefusedException extends IOException {

    public RequestRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
