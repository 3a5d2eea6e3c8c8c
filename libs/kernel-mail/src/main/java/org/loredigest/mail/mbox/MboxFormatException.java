package org.loredigest.mail.mbox;

/** A message in an mbox could not be framed (for example it is over the size limit). Reading may continue. */
public class MboxFormatException extends RuntimeException {
    public MboxFormatException(String message) {
        super(message);
    }
}
