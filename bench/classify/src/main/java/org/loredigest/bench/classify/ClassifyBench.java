package org.loredigest.bench.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.loredigest.classify.domain.classify.ThreadClassifier;
import org.loredigest.classify.domain.summary.ExtractiveSummariser;
import org.loredigest.classify.domain.thread.ThreadBook;
import org.loredigest.classify.kafka.ClassifyTopology;
import org.loredigest.events.EventJson;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.MessageKey;
import org.loredigest.events.TopicSpec;
import org.loredigest.events.Topics;
import org.loredigest.events.kafka.TopicBootstrap;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.maintainers.Maintainers;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;
import org.loredigest.testkit.KafkaServer;

/**
 * Puts every mail of {@code ../shared/corpus/lore-cgroups/*.mbox} on {@code lore.mail.received.v1} of a real broker,
 * then starts the classify topology (the same {@link ClassifyTopology} the service runs, exactly-once, state stores
 * with changelogs) and measures from its start until every mail has its parsed record and the classified topic output
 * has been quiet for a while (the quiet tail is not counted). Prints messages/s and topics/s.
 *
 * <p>System properties: {@code lore.shared.dir} (default {@code ../shared}); {@code lore.bench.partitions} (3).
 */
public final class ClassifyBench {

    /** Thread state works through large threads in bursts: only a long silence means it is done. */
    private static final Duration QUIET = Duration.ofSeconds(20);
    private static final int MAX_BYTES = Topics.MAX_MESSAGE_BYTES;

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("lore.shared.dir", "../shared"));
        int partitions = Integer.getInteger("lore.bench.partitions", 3);
        List<byte[]> mails = mails(shared.resolve("corpus/lore-cgroups"));
        Path maintainersFile = shared.resolve("data/MAINTAINERS");
        Optional<Maintainers> maintainers = Files.isRegularFile(maintainersFile)
                ? Optional.of(Maintainers.load(maintainersFile)) : Optional.empty();
        System.out.printf("corpus: %,d messages; MAINTAINERS %s%n", mails.size(), maintainers.isPresent() ? "loaded" : "absent");

        try (KafkaServer kafka = KafkaServer.start()) {
            Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
            TopicBootstrap.ensure(config, Topics.SPECS.stream()
                    .map(s -> new TopicSpec(s.name(), partitions, s.configs())).toList(), (short) 1);
            Set<String> keys = produce(kafka.bootstrapServers(), mails);

            ThreadBook book = new ThreadBook(new ThreadClassifier(maintainers), new ExtractiveSummariser());
            Path state = Files.createTempDirectory("lore-bench-classify");
            try (KafkaStreams streams = new KafkaStreams(ClassifyTopology.build(book, EventJson.mapper()),
                    streamsConfig(kafka.bootstrapServers(), state))) {
                Instant start = Instant.now();
                streams.start();
                Result r = drain(kafka.bootstrapServers(), keys);
                double seconds = Duration.between(start, r.lastOutput()).toNanos() / 1e9;
                System.out.printf("classified: %,d messages -> %,d topics (%,d topic records) in %.1f s%n", keys.size(),
                        r.topics().size(), r.topicRecords(), seconds);
                System.out.printf("throughput: %,.0f messages/s, %,.1f topics/s (%d partitions, exactly_once_v2)%n",
                        keys.size() / seconds, r.topics().size() / seconds, partitions);
                // wall time depends on what else runs on the machine; the stream threads' CPU time much less so
                double cpu = streamThreadCpuSeconds();
                System.out.printf("stream threads: %.1f CPU s, %,.0f messages per CPU s%n", cpu, keys.size() / cpu);
            }
        }
    }

    record Result(Set<String> topics, long topicRecords, Instant lastOutput) {
    }

    /** CPU time of the Kafka Streams processing threads so far (they live until the streams instance closes). */
    static double streamThreadCpuSeconds() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains("StreamThread")) {
                nanos += Math.max(0, threads.getThreadCpuTime(t.threadId()));
            }
        }
        return nanos / 1e9;
    }

    static List<byte[]> mails(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".mbox")).sorted().toList();
        }
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f); MboxReader reader = new MboxReader(in)) {
                reader.stream().map(MboxMessage::raw).forEach(out::add);
            }
        }
        return out;
    }

    static Set<String> produce(String bootstrap, List<byte[]> mails) {
        Set<String> keys = new HashSet<>();
        MailParser parser = new MailParser();
        var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "acks", "all",
                "max.request.size", MAX_BYTES, "linger.ms", 20), new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] raw : mails) {
                var headerKeys = MailParser.usable(raw) ? parser.parseKeys(raw, Instant.EPOCH) : null;
                String key = headerKeys == null || headerKeys.messageIdFallback() ? MessageKey.fromContent(raw)
                        : headerKeys.messageId();
                keys.add(key);
                var record = new ProducerRecord<>(Topics.MAIL_RECEIVED, key, raw);
                record.headers().add(MailHeaders.LIST, "cgroups".getBytes(StandardCharsets.UTF_8));
                record.headers().add(MailHeaders.SOURCE, "bench".getBytes(StandardCharsets.UTF_8));
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) { // a benchmark over a partial input would report figures for mail it never saw
            throw new IllegalStateException("the broker refused input mail", failure.get());
        }
        return keys;
    }

    static Properties streamsConfig(String bootstrap, Path state) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "classify-bench-" + UUID.randomUUID());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        p.put(StreamsConfig.consumerPrefix("max.partition.fetch.bytes"), MAX_BYTES);
        p.put(StreamsConfig.producerPrefix("max.request.size"), MAX_BYTES);
        return p;
    }

    /** Reads committed output until every mail is parsed and the topic output has been quiet for {@link #QUIET}. */
    static Result drain(String bootstrap, Set<String> keys) {
        Set<String> parsed = new HashSet<>();
        Set<String> topics = new HashSet<>();
        long topicRecords = 0;
        Instant last = Instant.now();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "group.id", "bench-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "isolation.level", "read_committed",
                "max.partition.fetch.bytes", MAX_BYTES), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MAIL_PARSED, Topics.THREAD_CLASSIFIED));
            while (!parsed.containsAll(keys) || topics.isEmpty() || Duration.between(last, Instant.now()).compareTo(QUIET) < 0) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    last = Instant.now();
                    if (r.topic().equals(Topics.MAIL_PARSED)) {
                        parsed.add(r.key());
                    } else if (r.value() == null) {
                        topics.remove(r.key());
                    } else {
                        topics.add(r.key());
                        topicRecords++;
                    }
                }
            }
        }
        return new Result(topics, topicRecords, last);
    }
}
