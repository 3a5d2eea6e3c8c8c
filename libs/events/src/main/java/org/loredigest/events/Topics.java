package org.loredigest.events;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every Kafka topic of the pipeline. Names follow {@code lore.<entity>.<past-tense fact>.v<N>}; each topic has a
 * dead-letter twin with the suffix {@value #DEAD_LETTER_SUFFIX} that receives what could not be processed, with the
 * reason. {@link #SPECS} says how each is made; every service creates and checks them from there at start-up
 * ({@code kafka.TopicBootstrap}).
 */
public final class Topics {

    /**
     * Largest record on any topic: a 10 MiB mail with its headers, the parsed record or a long thread's classified
     * record, or a dead letter carrying either (the broker's default is 1 MB). Producers set {@code max.request.size}
     * and consumers {@code max.partition.fetch.bytes} to this.
     */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    /** Partitions of a data topic when it is created. */
    public static final int PARTITIONS = 3;

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

    /**
     * Thread state's own loop, internal to classify-service (no dead-letter twin, not in {@link #ALL}): messages and
     * publications of a thread bucket moving to the partition of the bucket they turned out to belong to, keyed by
     * the target bucket. It is read beside the thread-bucket repartition topic by the same tasks, so it must keep the
     * partition count of {@link #MAIL_RECEIVED} (both are made with {@link #PARTITIONS}).
     */
    public static final String THREAD_REROUTED = "lore.thread.rerouted.v1";

    public static final List<String> ALL = List.of(
            MAIL_RECEIVED, MAIL_RECEIVED_DLQ,
            MAIL_PARSED, MAIL_PARSED_DLQ,
            THREAD_CLASSIFIED, THREAD_CLASSIFIED_DLQ,
            THREAD_SUMMARISED, THREAD_SUMMARISED_DLQ);

    /** Every topic with its partitions and configs, the data topics of {@link #ALL}, {@link #THREAD_REROUTED}
     * and {@link #INGEST_CHECKPOINTS}. */
    public static final List<TopicSpec> SPECS = Stream.concat(
            ALL.stream().map(name -> new TopicSpec(name, PARTITIONS, configsOf(name))),
            Stream.of(new TopicSpec(THREAD_REROUTED, PARTITIONS, configsOf(THREAD_REROUTED)),
                    // one small record per source; only the latest matters
                    new TopicSpec(INGEST_CHECKPOINTS, 1, Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES),
                    "cleanup.policy", "compact")))).toList();

    private Topics() {
    }

    /** The spec of one of the pipeline's topics. */
    public static TopicSpec spec(String topic) {
        return SPECS.stream().filter(s -> s.name().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a topic of the pipeline: " + topic));
    }

    private static Map<String, String> configsOf(String topic) {
        String maxBytes = String.valueOf(MAX_MESSAGE_BYTES);
        // one answer per thread id is all a reader or the summary cache needs
        return topic.equals(THREAD_SUMMARISED)
                ? Map.of("max.message.bytes", maxBytes, "cleanup.policy", "compact")
                : Map.of("max.message.bytes", maxBytes);
    }

    public static String deadLetterOf(String topic) {
        if (topic.endsWith(DEAD_LETTER_SUFFIX)) {
            throw new IllegalArgumentException("a dead-letter topic has no dead-letter twin: " + topic);
        }
        return topic + DEAD_LETTER_SUFFIX;
    }
}
