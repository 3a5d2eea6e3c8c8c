package org.loredigest.mail;

/** Where {@link ParsedMail#date()} came from. */
public enum DateSource {
    /** The Date header. */
    HEADER,
    /** The time the message was received: the Date header was missing, unreadable or implausible. */
    RECEIVED_TIME
}
