package org.loredigest.classify.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.loredigest.classify.domain.activity.MaintainerRoles;
import org.loredigest.classify.domain.classify.ThreadClassifier;
import org.loredigest.classify.domain.summary.ExtractiveSummariser;
import org.loredigest.classify.domain.summary.Summariser;
import org.loredigest.classify.domain.thread.ThreadBook;
import org.loredigest.classify.kafka.ClassifyTopology;
import org.loredigest.classify.kafka.JsonSerde;
import org.loredigest.classify.kafka.StateSerde;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.EventJson;
import org.loredigest.events.MailHeaders;
import org.loredigest.mail.ThreadBuckets;
import org.loredigest.mail.header.RawHeader;
import org.loredigest.classify.domain.thread.ThreadInput;
import org.loredigest.events.MailParsed;
import org.loredigest.events.MessageKey;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.Topics;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.maintainers.Maintainers;

/**
 * The real topology in a {@link TopologyTestDriver}, fed like ingest-service feeds the broker. Thread state publishes
 * on a wall-clock interval; the run lets that interval pass after every {@code flushEvery} mails (1: after each, so
 * every mail's effect is visible at once) and before reading the classified topics.
 */
public final class TopologyRun implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> received;
    private final TestOutputTopic<String, MailParsed> parsed;
    private final TestOutputTopic<String, ThreadClassified> classified;
    private final TestOutputTopic<String, DeadLetter> receivedDlq;
    private final TestOutputTopic<String, DeadLetter> classifiedDlq;
    private final TestOutputTopic<String, ThreadInput> rerouted;
    /** Latest record per thread id; a tombstone removes the thread id. */
    private final Map<String, ThreadClassified> topics = new LinkedHashMap<>();
    private final List<TestRecord<String, ThreadClassified>> history = new ArrayList<>();
    private long sourceBacklog = -1;
    private final int flushEvery;
    private int unflushed;
    /** The driver's wall clock: records are stamped with it, less {@link #lag}, as a producer would stamp them. */
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");
    private Duration lag = Duration.ZERO;

    public TopologyRun(Optional<Maintainers> maintainers) {
        this(maintainers, 1);
    }

    /** @param flushEvery mails sent between two flushes of thread state (a backlog arriving in bursts) */
    public TopologyRun(Optional<Maintainers> maintainers, int flushEvery) {
        this(maintainers, flushEvery, new ExtractiveSummariser());
    }

    /** @param summariser what fills the digest fields on the hot path */
    public TopologyRun(Optional<Maintainers> maintainers, int flushEvery, Summariser summariser) {
        this.flushEvery = flushEvery;
        try {
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "classify-test");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("classify-ttd").toString());
            ThreadBook book = new ThreadBook(new ThreadClassifier(maintainers), summariser, MaintainerRoles.of(maintainers));
            driver = new TopologyTestDriver(ClassifyTopology.build(book, EventJson.mapper()), props, now);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var json = EventJson.mapper();
        received = driver.createInputTopic(Topics.MAIL_RECEIVED, new StringSerializer(), new ByteArraySerializer());
        parsed = driver.createOutputTopic(Topics.MAIL_PARSED, new StringDeserializer(),
                new JsonSerde<>(json, MailParsed.class).deserializer());
        classified = driver.createOutputTopic(Topics.THREAD_CLASSIFIED, new StringDeserializer(),
                new JsonSerde<>(json, ThreadClassified.class).deserializer());
        receivedDlq = driver.createOutputTopic(Topics.MAIL_RECEIVED_DLQ, new StringDeserializer(),
                new JsonSerde<>(json, DeadLetter.class).deserializer());
        classifiedDlq = driver.createOutputTopic(Topics.THREAD_CLASSIFIED_DLQ, new StringDeserializer(),
                new JsonSerde<>(json, DeadLetter.class).deserializer());
        rerouted = driver.createOutputTopic(Topics.THREAD_REROUTED, new StringDeserializer(),
                new StateSerde<>(StateSerde.smileOf(json), json, ThreadInput.class).deserializer());
    }

    /** Sends one raw mail keyed as ingest-service keys it. */
    public void send(String list, byte[] raw) {
        send(keyOf(raw), list, raw);
    }

    /** Sends one raw mail as ingest-service does: placed by its thread bucket (the driver has one partition). */
    public void send(String key, String list, byte[] raw) {
        RecordHeaders headers = headers(list);
        headers.add(MailHeaders.THREAD_BUCKET, ThreadBuckets.of(RawHeader.scan(raw), key).getBytes(StandardCharsets.UTF_8));
        send(key, raw, headers);
    }

    /** Sends one raw mail as a producer that does not place mail by thread bucket would. */
    public void sendUnplaced(String key, String list, byte[] raw) {
        send(key, raw, headers(list));
    }

    private RecordHeaders headers(String list) {
        RecordHeaders headers = new RecordHeaders();
        if (sourceBacklog >= 0) {
            headers.add(MailHeaders.SOURCE_BACKLOG, Long.toString(sourceBacklog).getBytes(StandardCharsets.UTF_8));
        }
        headers.add(MailHeaders.LIST, list.getBytes(StandardCharsets.UTF_8));
        headers.add(MailHeaders.SOURCE, "test".getBytes(StandardCharsets.UTF_8));
        headers.add(MailHeaders.RECEIVED_AT, Instant.parse("2025-01-01T00:00:00Z").toString().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private void send(String key, byte[] raw, RecordHeaders headers) {
        received.pipeInput(new TestRecord<>(key, raw, headers, now.minus(lag)));
        if (++unflushed >= flushEvery) {
            flush();
        }
    }

    /** Records on the rerouting topic: buckets moving, and mail on its way to its bucket's partition. */
    public List<TestRecord<String, ThreadInput>> rerouted() {
        return rerouted.readRecordsToList();
    }

    /** Mails sent from now on say their source still had this many entries to read behind them; -1: they do not say. */
    public void sourceBacklog(long entries) {
        this.sourceBacklog = entries;
    }

    /** Mails sent from now on were written this long ago (a backlog); {@code Duration.ZERO} is live. */
    public void lagging(Duration lag) {
        this.lag = lag;
    }

    /** Lets the flush interval pass: thread state publishes what changed (unless it is reading a backlog). */
    public void flush() {
        now = now.plus(ClassifyTopology.FLUSH_INTERVAL);
        driver.advanceWallClockTime(ClassifyTopology.FLUSH_INTERVAL);
        unflushed = 0;
    }

    public void sendMbox(String list, Path mbox) {
        for (byte[] raw : Corpus.messages(mbox)) {
            send(list, raw);
        }
    }

    /** The classified records published so far, without letting any interval pass (they join {@link #history()}). */
    public List<TestRecord<String, ThreadClassified>> publishedSoFar() {
        List<TestRecord<String, ThreadClassified>> out = classified.readRecordsToList();
        for (TestRecord<String, ThreadClassified> r : out) {
            history.add(r);
            if (r.value() == null) {
                topics.remove(r.key());
            } else {
                topics.put(r.key(), r.value());
            }
        }
        return out;
    }

    /** Drains the classified topic into {@link #topics()}. */
    public Map<String, ThreadClassified> topics() {
        for (int i = 0; i <= 3; i++) {
            flush(); // quiet intervals: publishes even what a backlog deferred (FlushPace.quietAfter)
        }
        publishedSoFar();
        return topics;
    }

    public List<TestRecord<String, ThreadClassified>> history() {
        topics();
        return history;
    }

    public TestOutputTopic<String, MailParsed> parsed() {
        return parsed;
    }

    public TestOutputTopic<String, DeadLetter> receivedDlq() {
        return receivedDlq;
    }

    public TestOutputTopic<String, DeadLetter> classifiedDlq() {
        flush();
        return classifiedDlq;
    }

    /** The key ingest-service gives a mail: its normalised Message-ID, else a hash of its bytes. */
    public static String keyOf(byte[] raw) {
        if (!MailParser.usable(raw)) {
            return MessageKey.fromContent(raw);
        }
        var keys = new MailParser().parseKeys(raw, Instant.EPOCH);
        return keys.messageIdFallback() ? MessageKey.fromContent(raw) : keys.messageId();
    }

    @Override
    public void close() {
        driver.close();
    }
}
