package org.loredigest.events;

/** Kafka record header names carried by {@link Topics#MAIL_RECEIVED} records (values are UTF-8 strings). */
public final class MailHeaders {

    /** Short lore name of the list the mail was fetched from, e.g. {@code linux-mm}. */
    public static final String LIST = "lore.list";
    /** Where the mail came from, e.g. {@code mbox:cgroups-2024-03.mbox} or {@code git:https://lore.kernel.org/linux-mm/0}. */
    public static final String SOURCE = "lore.source";
    /** Position inside the source: byte offset in a file, epoch + commit in a git archive. */
    public static final String SOURCE_POSITION = "lore.source-position";
    /** ISO-8601 instant at which the pipeline received the mail. */
    public static final String RECEIVED_AT = "lore.received-at";
    /** The normalised Message-ID the key was derived from, absent when the key is a content hash. */
    public static final String MESSAGE_ID = "lore.message-id";

    /**
     * {@code sha256:<hex>} of the mail's content without transport headers (see ingest-service {@code ContentDigest}):
     * equal for copies of one mail fetched from different lists or sources, different for two mails that share a
     * Message-ID.
     */
    public static final String CONTENT_DIGEST = "lore.content-digest";

    /**
     * The thread bucket of the mail (its oldest reference, else its own key; see kernel-mail {@code ThreadBuckets}).
     * When present, the record was placed on the partition this value hashes to, as Kafka's default partitioner
     * places a String key: thread state then works on it where it arrives instead of moving it there first.
     */
    public static final String THREAD_BUCKET = "lore.thread-bucket";

    /**
     * How many entries the source still had to read after this mail when it was read (decimal), absent when the source
     * cannot tell. A large value means the mail is part of a backfill with more right behind it: classify-service then
     * publishes threads less often (see its {@code FlushPace}), however fast it keeps up with the topic.
     */
    public static final String SOURCE_BACKLOG = "lore.source-backlog";

    /** Headers set on dead-letter records. */
    public static final String DLQ_REASON = "lore.dlq.reason";
    public static final String DLQ_STAGE = "lore.dlq.stage";
    public static final String DLQ_ORIGINAL_TOPIC = "lore.dlq.original-topic";
    public static final String DLQ_FAILED_AT = "lore.dlq.failed-at";

    private MailHeaders() {
    }
}
