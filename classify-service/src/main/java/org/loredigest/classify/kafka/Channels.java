package org.loredigest.classify.kafka;

/** Messaging channel names; application.properties binds them to the topics in {@code org.loredigest.events.Topics}. */
public final class Channels {

    public static final String MAIL_RECEIVED = "mail-received";
    public static final String MAIL_RECEIVED_DLQ = "mail-received-dlq";
    public static final String MAIL_PARSED = "mail-parsed";

    private Channels() {
    }
}
