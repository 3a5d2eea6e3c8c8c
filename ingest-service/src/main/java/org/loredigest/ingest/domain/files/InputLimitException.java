package org.loredigest.ingest.domain.files;

/** Input went over a configured limit (decompressed size or compression ratio); reading it stops. */
public class InputLimitException extends RuntimeException {

    public InputLimitException(String message) {
        super(message);
    }
}
