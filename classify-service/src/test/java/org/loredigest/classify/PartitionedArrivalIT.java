package org.loredigest.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
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
import org.junit.jupiter.api.Test;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.classify.testing.TopologyRun;
import org.loredigest.events.EventJson;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.Topics;
import org.loredigest.classify.domain.classify.ThreadClassifier;
import org.loredigest.classify.domain.summary.ExtractiveSummariser;
import org.loredigest.classify.domain.thread.ThreadBook;
import org.loredigest.classify.kafka.ClassifyTopology;
import org.loredigest.events.kafka.TopicBootstrap;
import org.loredigest.testkit.KafkaServer;

/**
 * On a real broker the thread stage runs as one task per partition and the series stage reads drafts that travelled
 * different repartition paths, so what reaches each stage in which order depends on timing; the single-task
 * {@code TopologyTestDriver} cannot show that. Two real months (May–June 2024, with a v3 posted in reply to v2 and a
 * v4 cover in reply to v3) go through the service on three partitions; the topics, read as report-service indexes
 * them (highest version per thread id, tombstones delete), must equal the driver's, also when the broker run reads
 * the mails in another order ({@code -Dpartitioned.seed}, shuffled by default). The topology runs on a broker of its
 * own, so that no other test's mail shares its state.
 */
class PartitionedArrivalIT {

    static final List<String> MONTHS = List.of("cgroups-2024-05.mbox", "cgroups-2024-06.mbox");
    static final Duration QUIET = Duration.ofSeconds(45);
    /** The broker run reads the mails shuffled with this seed (0: in mbox order); the driver always in mbox order. */
    static final long SEED = Long.getLong("partitioned.seed", 7);

    String bootstrap;
    /** Every record read per thread id, in partition order: what a difference is explained by. */
    final Map<String, List<String>> history = new HashMap<>();

    @Test
    void threePartitionsGiveTheTopicsOfOneTask() throws Exception {
        List<byte[]> mails = new ArrayList<>();
        MONTHS.forEach(m -> mails.addAll(Corpus.messages(Corpus.cgroups(m))));
        Map<String, String> broker;
        try (KafkaServer kafka = KafkaServer.start()) {
            bootstrap = kafka.bootstrapServers();
            TopicBootstrap.ensure(Map.of("bootstrap.servers", bootstrap), (short) 1);
            ThreadBook book = new ThreadBook(new ThreadClassifier(Optional.empty()), new ExtractiveSummariser());
            List<byte[]> arrival = new ArrayList<>(mails);
            if (SEED != 0) {
                java.util.Collections.shuffle(arrival, new java.util.Random(SEED));
            }
            try (KafkaStreams streams = new KafkaStreams(ClassifyTopology.build(book, EventJson.mapper()), streamsConfig())) {
                streams.start();
                broker = throughTheBroker(arrival);
            }
        }
        Map<String, String> driver = new TreeMap<>();
        try (TopologyRun run = new TopologyRun(Optional.empty(), 40)) {
            mails.forEach(raw -> run.send("cgroups", raw));
            run.topics().forEach((id, t) -> driver.put(id, describe(t)));
        }

        Map<String, String> differences = new TreeMap<>();
        TreeSet<String> ids = new TreeSet<>(driver.keySet());
        ids.addAll(broker.keySet());
        for (String id : ids) {
            if (!Objects.equals(driver.get(id), broker.get(id))) {
                differences.put(id, driver.get(id) + " | " + broker.get(id) + " | read: " + history.get(id));
            }
        }
        assertThat(driver).hasSizeGreaterThan(100);
        assertThat(differences).as("topic (one task | three partitions)").isEmpty();
    }

    private Properties streamsConfig() throws java.io.IOException {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "classify-partitioned-" + UUID.randomUUID());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, java.nio.file.Files.createTempDirectory("classify-partitioned").toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Topics.PARTITIONS);
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        p.put(StreamsConfig.consumerPrefix("max.partition.fetch.bytes"), Topics.MAX_MESSAGE_BYTES);
        p.put(StreamsConfig.producerPrefix("max.request.size"), Topics.MAX_MESSAGE_BYTES);
        return p;
    }

    private Map<String, String> throughTheBroker(List<byte[]> mails) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "max.request.size", Topics.MAX_MESSAGE_BYTES), new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] raw : mails) {
                var record = new ProducerRecord<>(Topics.MAIL_RECEIVED, TopologyRun.keyOf(raw), raw);
                record.headers().add(MailHeaders.LIST, "cgroups".getBytes(StandardCharsets.UTF_8));
                record.headers().add(MailHeaders.SOURCE, "mbox:cgroups".getBytes(StandardCharsets.UTF_8));
                record.headers().add(MailHeaders.RECEIVED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        return asIndexed();
    }

    /** Thread id → "messages type fix-status", keeping the highest version per id as the index does. */
    private Map<String, String> asIndexed() throws Exception {
        Map<String, ThreadClassified> topics = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "group.id", "partitioned-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed",
                "max.partition.fetch.bytes", Topics.MAX_MESSAGE_BYTES), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.THREAD_CLASSIFIED));
            Instant last = Instant.now();
            Instant deadline = last.plus(Duration.ofMinutes(5));
            while (Instant.now().isBefore(deadline) && (topics.isEmpty() || Duration.between(last, Instant.now()).compareTo(QUIET) < 0)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    last = Instant.now();
                    List<String> seen = history.computeIfAbsent(r.key(), k -> new ArrayList<>());
                    if (r.value() == null) {
                        seen.add("tombstone");
                        topics.remove(r.key());
                        continue;
                    }
                    ThreadClassified t = EventJson.mapper().readValue(r.value(), ThreadClassified.class);
                    seen.add(t.version() + ":" + describe(t) + ":" + t.title());
                    ThreadClassified before = topics.get(r.key());
                    if (before == null || t.version() > before.version()) {
                        topics.put(r.key(), t);
                    }
                }
            }
        }
        Map<String, String> out = new TreeMap<>();
        topics.forEach((id, t) -> out.put(id, describe(t)));
        return out;
    }

    private static String describe(ThreadClassified t) {
        return t.messageCount() + " " + t.type().value() + " " + t.fixStatus().value();
    }
}
