package org.loredigest.events;

import java.util.List;

/**
 * Every Kafka topic of the pipeline. Names follow {@code lore.<entity>.<past-tense fact>.v<N>}; each topic has a
 * dead-letter twin with the suffix {@value #DEAD_LETTER_SUFFIX} that receives what could not be processed, with the
 * reason.
 */
public final class Topics {

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** Raw mail as fetched from a source: value = the untouched RFC 5322 bytes, metadata in headers. */
    public static final String MAIL_RECEIVED = "lore.mail.received.v1";
    public static final String MAIL_RECEIVED_DLQ = MAIL_RECEIVED + DEAD_LETTER_SUFFIX;

    /** One parsed message (JSON {@link MailParsed}). */
    public static final String MAIL_PARSED = "lore.mail.parsed.v1";
    public static final String MAIL_PARSED_DLQ = MAIL_PARSED + DEAD_LETTER_SUFFIX;

    /** The classified state of one thread, re-emitted on every change (keyed by thread id). */
    public static final String THREAD_CLASSIFIED = "lore.thread.classified.v1";
    public static final String THREAD_CLASSIFIED_DLQ = THREAD_CLASSIFIED + DEAD_LETTER_SUFFIX;

    /**
     * A language model's grounded summary of a thread (JSON {@link ThreadSummarised}), compacted, keyed by thread id;
     * written off the hot path only when a summariser endpoint is configured.
     */
    public static final String THREAD_SUMMARISED = "lore.thread.summarised.v1";
    public static final String THREAD_SUMMARISED_DLQ = THREAD_SUMMARISED + DEAD_LETTER_SUFFIX;

    /**
     * Ingest checkpoints (JSON {@link IngestCheckpoint}), compacted, keyed by source name. Internal to ingest-service:
     * no dead-letter twin and not part of {@link #ALL}, which lists the pipeline's data topics.
     */
    public static final String INGEST_CHECKPOINTS = "lore.ingest.checkpoints.v1";

    public static final List<String> ALL = List.of(
            MAIL_RECEIVED, MAIL_RECEIVED_DLQ,
            MAIL_PARSED, MAIL_PARSED_DLQ,
            THREAD_CLASSIFIED, THREAD_CLASSIFIED_DLQ,
            THREAD_SUMMARISED, THREAD_SUMMARISED_DLQ);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        if (topic.endsWith(DEAD_LETTER_SUFFIX)) {
            throw new IllegalArgumentException("a dead-letter topic has no dead-letter twin: " + topic);
        }
        return topic + DEAD_LETTER_SUFFIX;
    }
}
