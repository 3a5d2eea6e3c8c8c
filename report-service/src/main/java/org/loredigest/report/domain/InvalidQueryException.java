package org.loredigest.report.domain;

/** A request the caller must correct; answered with HTTP 400 and this message. */
public class InvalidQueryException extends RuntimeException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
