package org.loredigest.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.classify.testing.TopologyRun;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.EventJson;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.Topics;
import org.loredigest.testkit.KafkaTestResource;

/**
 * The packaged topology in the running service against a real broker: a month of the cgroups list plus a poison
 * record goes in; every mail comes out parsed, the poison as a dead letter, and the threads as classified topics
 * (exactly-once, state stores with changelogs).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ClassifyTopologyIT {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aMonthOfMailBecomesParsedRecordsAndClassifiedTopics() throws Exception {
        List<byte[]> mails = Corpus.messages(Corpus.cgroups("cgroups-2024-03.mbox"));
        String poisonKey = "poison-" + UUID.randomUUID();
        Set<String> keys = new HashSet<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "max.request.size", 16 * 1024 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] raw : mails) {
                String key = TopologyRun.keyOf(raw);
                keys.add(key);
                producer.send(record(key, raw));
            }
            producer.send(record(poisonKey, "not a mail\n".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }

        Set<String> parsed = new HashSet<>();
        Map<String, ThreadClassified> topics = new HashMap<>();
        DeadLetter[] poison = new DeadLetter[1];
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.MAIL_PARSED, Topics.THREAD_CLASSIFIED, Topics.MAIL_RECEIVED_DLQ));
            Instant deadline = Instant.now().plus(PATIENCE);
            Instant quietSince = Instant.now();
            while (Instant.now().isBefore(deadline)) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> r : records) {
                    switch (r.topic()) {
                        case Topics.MAIL_PARSED -> parsed.add(r.key());
                        case Topics.MAIL_RECEIVED_DLQ -> {
                            if (poisonKey.equals(r.key())) {
                                poison[0] = EventJson.mapper().readValue(r.value(), DeadLetter.class);
                            }
                        }
                        default -> {
                            if (r.value() == null) {
                                topics.remove(r.key());
                            } else {
                                topics.put(r.key(), EventJson.mapper().readValue(r.value(), ThreadClassified.class));
                            }
                        }
                    }
                }
                quietSince = records.isEmpty() ? quietSince : Instant.now();
                boolean done = parsed.containsAll(keys) && poison[0] != null && !topics.isEmpty();
                if (done && Duration.between(quietSince, Instant.now()).toSeconds() >= 5) {
                    break;
                }
            }
        }

        assertThat(parsed).containsAll(keys);
        assertThat(poison[0]).isNotNull();
        assertThat(poison[0].stage()).isEqualTo("classify-service/parse");
        assertThat(topics).hasSizeGreaterThan(20);
        assertThat(topics.values()).noneMatch(t -> t.participants().stream().allMatch(ThreadClassified.Participant::bot));
        ThreadClassified pull = topics.get("Ze7MzJUQZG41zx1w@slm.duckdns.org");
        assertThat(pull).as("the cgroup v6.9 pull request").isNotNull();
        assertThat(pull.fixStatus().value()).isEqualTo("merged");
        // the service's own topics are LZ4: their batches were read with lz4-java's native codec (NativeLz4)
        assertThat(lz4Decompressor()).contains("JNI");
        // no JMX reporter: the store gauges added and removed around every prefix scan are no MBean work
        // (MetricsWithoutJmx)
        var streamsBeans = ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("kafka.streams:*"), null);
        assertThat(streamsBeans).isEmpty();
    }

    /** The codec the Kafka clients read LZ4 batches with, created when the first one was read. */
    private static String lz4Decompressor() throws ReflectiveOperationException {
        var field = Class.forName("org.apache.kafka.common.compress.Lz4BlockInputStream").getDeclaredField("DECOMPRESSOR");
        field.setAccessible(true);
        return field.get(null).getClass().getSimpleName();
    }

    /**
     * A reply naming only its parent arrives first and opens a bucket named after the parent, on the parent's
     * partition; the parent then arrives in its root's bucket on another partition. The early bucket must move there:
     * one topic of three messages, and the early bucket's own topic removed.
     */
    @Test
    void aReplyThatArrivedBeforeItsParentJoinsTheThreadOnAnotherPartition() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String root = "root-" + run + "@example.org";
        int n = 0;
        while (partition("parent-" + run + "-" + n + "@example.org") == partition(root)) {
            n++;
        }
        String parent = "parent-" + run + "-" + n + "@example.org";
        String reply = "reply-" + run + "@example.org";
        String subject = "[PATCH] mm: early buckets " + run;
        byte[] first = mail(reply, "Re: " + subject, "Tue, 4 Jun 2024 12:00:00 +0000", "In-Reply-To: <" + parent + ">\n");
        byte[] rootMail = mail(root, subject, "Mon, 3 Jun 2024 12:00:00 +0000", "");
        byte[] parentMail = mail(parent, "Re: " + subject, "Mon, 3 Jun 2024 18:00:00 +0000",
                "In-Reply-To: <" + root + ">\nReferences: <" + root + ">\n");

        Map<String, ThreadClassified> topics = new HashMap<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer()); var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.THREAD_CLASSIFIED));
            producer.send(record(reply, first)).get();
            // the early bucket publishes a topic of its own before the parent comes
            await(consumer, topics, () -> topics.containsKey(parent));
            producer.send(record(root, rootMail)).get();
            producer.send(record(parent, parentMail)).get();
            await(consumer, topics, () -> topics.containsKey(root) && topics.get(root).messageCount() == 3
                    && !topics.containsKey(parent));
        }
        assertThat(topics.get(root).messageCount()).isEqualTo(3);
        assertThat(topics).doesNotContainKeys(parent, reply);
    }

    private static int partition(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(bytes)) % Topics.PARTITIONS;
    }

    private static byte[] mail(String id, String subject, String date, String threading) {
        return ("From: Dev <dev@example.org>\nTo: cgroups@vger.kernel.org\nSubject: " + subject + "\nDate: " + date
                + "\nMessage-ID: <" + id + ">\n" + threading + "\nA change and its review.\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void await(KafkaConsumer<String, byte[]> consumer, Map<String, ThreadClassified> topics,
                              java.util.function.BooleanSupplier done) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!done.getAsBoolean() && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.value() == null) {
                    topics.remove(r.key());
                } else {
                    topics.put(r.key(), EventJson.mapper().readValue(r.value(), ThreadClassified.class));
                }
            }
        }
    }

    private static ProducerRecord<String, byte[]> record(String key, byte[] raw) {
        var record = new ProducerRecord<>(Topics.MAIL_RECEIVED, key, raw);
        record.headers().add(MailHeaders.LIST, "cgroups".getBytes(StandardCharsets.UTF_8));
        record.headers().add(MailHeaders.SOURCE, "mbox:cgroups-2024-03.mbox".getBytes(StandardCharsets.UTF_8));
        record.headers().add(MailHeaders.RECEIVED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "group.id", "classify-it-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed",
                "max.partition.fetch.bytes", 16 * 1024 * 1024), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
