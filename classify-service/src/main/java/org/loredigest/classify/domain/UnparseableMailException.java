package org.loredigest.classify.domain;

/** The bytes are not a mail at all (no header section); they go to the dead-letter topic with this reason. */
public class UnparseableMailException extends Exception {
    public UnparseableMailException(String reason) {
        super(reason);
    }

    public UnparseableMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
