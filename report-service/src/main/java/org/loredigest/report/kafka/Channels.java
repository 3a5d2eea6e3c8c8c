package org.loredigest.report.kafka;

/** Messaging channel names; application.properties binds them to the topics in {@code org.loredigest.events.Topics}. */
public final class Channels {

    public static final String MAIL_PARSED = "mail-parsed";
    public static final String MAIL_PARSED_DLQ = "mail-parsed-dlq";
    public static final String THREAD_CLASSIFIED = "thread-classified";
    public static final String THREAD_CLASSIFIED_DLQ = "thread-classified-dlq";
    public static final String THREAD_SUMMARISED = "thread-summarised";
    public static final String THREAD_SUMMARISED_DLQ = "thread-summarised-dlq";

    private Channels() {
    }
}
