package org.loredigest.report;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.Topics;
import org.loredigest.report.elasticsearch.IndexSpec;
import org.loredigest.testkit.ElasticsearchTestResource;
import org.loredigest.testkit.KafkaTestResource;

/**
 * A backlog of classified threads relaxes lore-topics' refresh interval; the first small batch afterwards restores it
 * and makes everything indexed meanwhile searchable, without the test refreshing the index.
 */
@QuarkusTest
@TestProfile(BackfillRefreshIT.SmallBacklog.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ElasticsearchTestResource.class)
class BackfillRefreshIT {

    private static final int BACKLOG = 600;

    /** Every batch of two or more records is backlog, and only a small batch (not a quiet spell) restores. */
    public static class SmallBacklog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lore.report.backfill.large-batch", "2",
                    "lore.report.backfill.large-batches-to-relax", "1",
                    "lore.report.backfill.idle-restore-after", "PT5M");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ElasticsearchClient elasticsearch;

    @Test
    void aBacklogRelaxesTheRefreshIntervalAndCatchingUpRestoresIt() throws Exception {
        String list = "bf-" + UUID.randomUUID().toString().substring(0, 6);
        Instant first = Instant.parse("2024-03-05T10:00:00Z");
        assertThat(refreshInterval()).isEqualTo("1s");

        // One transaction: the read_committed consumer sees the whole backlog at once, in batches of up to 500.
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "transactional.id", "backfill-it-" + list), new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < BACKLOG; i++) {
                send(producer, ClassifiedTopics.topic("t" + i + "@" + list, list, "backlog " + i, "patch", "low", "none", first, 1));
            }
            producer.commitTransaction();
        }
        await("relaxed refresh interval", () -> "30s".equals(refreshInterval()));

        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            send(producer, ClassifiedTopics.topic("last@" + list, list, "caught up", "patch", "low", "none", first, 1));
        }
        await("restored refresh interval", () -> "1s".equals(refreshInterval()));
        await("every topic searchable", () -> topicsOf(list) == BACKLOG + 1);
    }

    private long topicsOf(String list) throws Exception {
        return elasticsearch.count(c -> c.index(IndexSpec.TOPICS.alias())
                .query(q -> q.term(t -> t.field("lists").value(list)))).count();
    }

    private String refreshInterval() throws Exception {
        IndexSettings settings = elasticsearch.indices().getSettings(g -> g.index(IndexSpec.TOPICS.index()))
                .get(IndexSpec.TOPICS.index()).settings();
        IndexSettings index = settings.index() != null ? settings.index() : settings;
        return index.refreshInterval() == null ? null : index.refreshInterval().time();
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.call()) {
            assertThat(Instant.now()).as("waiting for %s", what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, ThreadClassified topic) throws Exception {
        producer.send(new ProducerRecord<>(Topics.THREAD_CLASSIFIED, topic.threadId(), EventJson.mapper().writeValueAsBytes(topic)));
    }
}
