package org.loredigest.mail;

/** The input is not a mail at all (no bytes, or no header section). Anything less broken is parsed. */
public class UnusableMailException extends RuntimeException {
    public UnusableMailException(String message) {
        super(message);
    }
}
