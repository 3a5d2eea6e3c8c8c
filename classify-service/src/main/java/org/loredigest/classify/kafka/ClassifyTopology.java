package org.loredigest.classify.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.series.ReferenceState;
import org.loredigest.classify.domain.series.SeriesPosting;
import org.loredigest.classify.domain.series.SeriesState;
import org.loredigest.classify.ClassifyConfig;
import org.loredigest.classify.domain.thread.Bucket;
import org.loredigest.classify.domain.thread.FlushPace;
import org.loredigest.classify.domain.thread.ThreadBook;
import org.loredigest.classify.domain.thread.ThreadInput;
import org.loredigest.classify.domain.thread.TopicDraft;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.MailParsed;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.Topics;

/**
 * The classify-service topology:
 *
 * <pre>
 * lore.mail.received.v1 ─ parse ─┬─ not mail ──────────────► lore.mail.received.v1.dlq
 *  (placed by thread bucket)     ├─ MailParsed ────────────► lore.mail.parsed.v1
 *                                ├─ placed elsewhere ──────► lore.thread.rerouted.v1 (keyed by bucket)
 *                                └─ by bucket (oldest reference) ──────────────────┬─ thread state (thread-messages,
 *                                   lore.thread.rerouted.v1 (early buckets moving) ─┘  thread-buckets, thread-bucket-index,
 *                                   thread-dirty; flushed every second, up to 60 s apart in a backlog: input lagging,
 *                                   or sources with much left to read, header lore.source-backlog) ─► lore.thread.rerouted.v1 (buckets that moved)
 *                                   ─ drafts by title ─► [repartition] ─ series stage
 *                                   (series-entries-by-title, series-drafts, series-dirty; published every second, a
 *                                   backlog's burst once it is read) ─► lore.thread.classified.v1 (key = thread id; null = re-homed)
 *                                   failures of either stage ──────────────► lore.thread.classified.v1.dlq
 * </pre>
 */
@ApplicationScoped
public class ClassifyTopology {

    /** Per bucket: what was last published for each topic cut from it (the messages are kept apart). */
    public static final String BUCKET_STORE = "thread-buckets";
    public static final String BUCKET_INDEX_STORE = "thread-bucket-index";
    /**
     * One record per message, keyed {@code bucket NUL record-key} (the Message-ID, unless another mail holds it):
     * adding a message never rewrites its thread.
     */
    public static final String MESSAGE_STORE = "thread-messages";
    /** Buckets changed since the last flush. */
    public static final String DIRTY_STORE = "thread-dirty";
    /** One record per thread that met under a title, keyed {@code title NUL thread id}: its slim draft. */
    public static final String SERIES_STORE = "series-entries-by-title";
    /** Full drafts of the topics in {@link #SERIES_STORE}, same keys. */
    public static final String SERIES_DRAFT_STORE = "series-drafts";
    /** Titles that took drafts since the series stage last published. */
    public static final String SERIES_DIRTY_STORE = "series-dirty";
    /** Series revisions per author, one record per posting: where revisions meet whose title changed. */
    public static final String LINEAGE_STORE = "series-postings-by-author";
    /** Bug reports and the patches whose Closes:/Link: trailers name them, keyed by the report's Message-ID. */
    public static final String REFERENCE_STORE = "references-by-message";
    /**
     * How often changed threads are classified and published while live. Messages of one thread arriving within one
     * interval give one record that reflects all of them; during a backfill {@link FlushPace#DEFAULT} defers further.
     */
    public static final Duration FLUSH_INTERVAL = FlushPace.DEFAULT.interval();
    /** A message or a full draft of a long thread can exceed the broker's default 1 MB per changelog record. */
    static final Map<String, String> CHANGELOG_CONFIG = Map.of("max.message.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));

    private final ThreadBook book;
    private final ObjectMapper json;
    private final FlushPace pace;

    public ClassifyTopology(ThreadBook book, ObjectMapper json, ClassifyConfig config) {
        this.book = book;
        this.json = json;
        this.pace = new FlushPace(FLUSH_INTERVAL, config.flush().backlogLag(), config.flush().maxDeferral(),
                config.flush().backlogEntries());
    }

    @Produces
    public Topology topology() {
        return build(book, json, pace);
    }

    public static Topology build(ThreadBook book, ObjectMapper json) {
        return build(book, json, FlushPace.DEFAULT);
    }

    public static Topology build(ThreadBook book, ObjectMapper json, FlushPace pace) {
        Serde<String> keys = Serdes.String();
        // what other services read is JSON; what only this service reads back (state, its own topics) is Smile
        ObjectMapper smile = StateSerde.smileOf(json);
        Serde<MailParsed> parsedSerde = new JsonSerde<>(json, MailParsed.class);
        Serde<ThreadMessage> messageSerde = new StateSerde<>(smile, json, ThreadMessage.class);
        Serde<TopicDraft> draftSerde = new StateSerde<>(smile, json, TopicDraft.class);
        Serde<ThreadInput> inputSerde = new StateSerde<>(smile, json, ThreadInput.class);
        Serde<DeadLetter> letterSerde = new JsonSerde<>(json, DeadLetter.class);
        Serde<ThreadClassified> classifiedSerde = new JsonSerde<>(json, ThreadClassified.class);

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUCKET_STORE), keys,
                new StateSerde<>(smile, json, Bucket.class)).withLoggingEnabled(Map.of()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUCKET_INDEX_STORE), keys,
                Serdes.String()).withLoggingEnabled(Map.of()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MESSAGE_STORE), keys,
                messageSerde).withLoggingEnabled(CHANGELOG_CONFIG));
        // cached: a bucket marked dirty by many messages between two commits costs one changelog record
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DIRTY_STORE), keys,
                Serdes.String()).withLoggingEnabled(Map.of()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SERIES_STORE), keys,
                new StateSerde<>(smile, json, SeriesState.Entry.class)).withLoggingEnabled(CHANGELOG_CONFIG).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SERIES_DRAFT_STORE), keys,
                new StateSerde<>(smile, json, ThreadClassified.class)).withLoggingEnabled(CHANGELOG_CONFIG).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SERIES_DIRTY_STORE), keys,
                Serdes.String()).withLoggingEnabled(Map.of()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LINEAGE_STORE), keys,
                new StateSerde<>(smile, json, SeriesPosting.class)).withLoggingEnabled(Map.of()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REFERENCE_STORE), keys,
                new StateSerde<>(smile, json, ReferenceState.class)).withLoggingEnabled(Map.of()));

        KStream<String, Routed<ParseStep.Parsed>> parsed = builder
                .stream(Topics.MAIL_RECEIVED, Consumed.with(keys, Serdes.ByteArray()).withName("received"))
                .process(ParseStep::new, Named.as("parse"));
        parsed.split(Named.as("parse-"))
                .branch((k, v) -> v.failed(), Branched.withConsumer(dead -> deadLetters(dead, "parse", Topics.MAIL_RECEIVED_DLQ,
                        letterSerde), "dead"))
                .defaultBranch(Branched.withConsumer(ok -> {
                    ok.mapValues(v -> v.value().event(), Named.as("parsed-event"))
                            .to(Topics.MAIL_PARSED, Produced.with(keys, parsedSerde).withName("parsed"));
                    threads(builder, ok, book, json, pace, keys, inputSerde, draftSerde, letterSerde, classifiedSerde);
                }, "ok"));
        return builder.build();
    }

    private static void threads(StreamsBuilder builder, KStream<String, Routed<ParseStep.Parsed>> parsed, ThreadBook book,
                                ObjectMapper json, FlushPace pace, Serde<String> keys, Serde<ThreadInput> inputSerde, Serde<TopicDraft> draftSerde,
                                Serde<DeadLetter> letterSerde, Serde<ThreadClassified> classifiedSerde) {
        // ingest places mail on the partition of its thread bucket: thread state takes it where it arrives; mail
        // placed otherwise (another producer, an older record) goes to its bucket's partition through the rerouting topic
        parsed.filter((k, v) -> !v.value().placed(), Named.as("misplaced"))
                .map((k, v) -> toBucket(v.value().message()), Named.as("misplaced-by-bucket"))
                .to(Topics.THREAD_REROUTED, Produced.with(keys, inputSerde).withName("place"));
        KStream<String, ThreadInput> arrived = parsed
                .filter((k, v) -> v.value().placed(), Named.as("placed"))
                .map((k, v) -> toBucket(v.value().message()), Named.as("by-bucket"));
        KStream<String, ThreadInput> rerouted = builder.stream(Topics.THREAD_REROUTED,
                Consumed.with(keys, inputSerde).withName("rerouted"));
        KStream<String, ThreadStep.Output> state = arrived
                .merge(rerouted, Named.as("arrived-and-rerouted"))
                .process(() -> new ThreadStep(book, json, pace), Named.as("thread-state"), BUCKET_STORE,
                        BUCKET_INDEX_STORE, MESSAGE_STORE, DIRTY_STORE);
        state.filter((k, v) -> v.rerouted() != null, Named.as("to-other-buckets"))
                .mapValues(ThreadStep.Output::rerouted, Named.as("rerouting"))
                .to(Topics.THREAD_REROUTED, Produced.with(keys, inputSerde).withName("reroute"));
        KStream<String, Routed<TopicDraft>> drafts = state
                .filter((k, v) -> v.draft() != null, Named.as("thread-results"))
                .mapValues(ThreadStep.Output::draft, Named.as("thread-drafts"));
        drafts.split(Named.as("thread-"))
                .branch((k, v) -> v.failed(), Branched.withConsumer(dead -> deadLetters(dead, "thread", Topics.THREAD_CLASSIFIED_DLQ,
                        letterSerde), "dead"))
                .defaultBranch(Branched.withConsumer(ok -> {
                    KStream<String, TopicDraft> own = ok.mapValues(Routed::value, Named.as("draft"));
                    // revisions whose title changed meet by author, and come back as links keyed by title
                    KStream<String, TopicDraft> links = own
                            .filter((k, v) -> v.posting() != null, Named.as("series-postings"))
                            .selectKey((k, v) -> v.posting().authorEmail().toLowerCase(java.util.Locale.ROOT),
                                    Named.as("by-author"))
                            .mapValues(TopicDraft::withoutRecord, Named.as("series-postings-only"))
                            .repartition(Repartitioned.with(keys, draftSerde).withName("series-author"))
                            .process(LineageStep::new, Named.as("lineage-state"), LINEAGE_STORE);
                    // bug reports meet the patches that close them by the report's Message-ID
                    KStream<String, TopicDraft> closes = own
                            .flatMap((k, v) -> ReferenceStep.report(v) ? ReferenceStep.reportKeys(v).stream()
                                    .map(id -> KeyValue.pair(id, v.withoutRecord())).toList()
                                    : v.posting() == null ? List.<KeyValue<String, TopicDraft>>of()
                                    : v.posting().closes().stream().map(id -> KeyValue.pair(id, v.withoutRecord())).toList(),
                                    Named.as("by-report"))
                            .repartition(Repartitioned.with(keys, draftSerde).withName("report-reference"))
                            .process(ReferenceStep::new, Named.as("reference-state"), REFERENCE_STORE);
                    KStream<String, Routed<ThreadClassified>> classified = own
                            .merge(links, Named.as("drafts-and-links"))
                            .merge(closes, Named.as("drafts-links-and-closes"))
                            .repartition(Repartitioned.with(keys, draftSerde).withName("series-title"))
                            .process(() -> new SeriesStep(json, pace), Named.as("series-state"), SERIES_STORE,
                                    SERIES_DRAFT_STORE, SERIES_DIRTY_STORE);
                    classified.split(Named.as("series-"))
                            .branch((k, v) -> v.failed(), Branched.withConsumer(dead -> deadLetters(dead, "series",
                                    Topics.THREAD_CLASSIFIED_DLQ, letterSerde), "dead"))
                            .defaultBranch(Branched.withConsumer(out -> out
                                    .mapValues(Routed::value, Named.as("classified"))
                                    .to(Topics.THREAD_CLASSIFIED, Produced.with(keys, classifiedSerde).withName("topics")),
                                    "ok"));
                }, "ok"));
    }

    private static KeyValue<String, ThreadInput> toBucket(ThreadMessage message) {
        return KeyValue.pair(ThreadBook.bucketKey(message), ThreadInput.arrived(message));
    }

    private static <V> void deadLetters(KStream<String, Routed<V>> dead, String stage, String topic, Serde<DeadLetter> serde) {
        dead.processValues(DeadLetterStep<V>::new, Named.as(stage + "-dead-letter"))
                .to(topic, Produced.with(Serdes.String(), serde).withName(stage + "-to-dead-letter-topic"));
    }
}
