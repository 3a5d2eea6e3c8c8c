package org.loredigest.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.events.MailParsed;
import org.loredigest.events.Topics;
import org.loredigest.report.elasticsearch.IndexSpec;
import org.loredigest.testkit.ElasticsearchTestResource;
import org.loredigest.testkit.KafkaTestResource;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ElasticsearchTestResource.class)
class IndexingAndDigestIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ElasticsearchClient elasticsearch;

    @Test
    void indexesEachMailOnceAndCountsThem() throws Exception {
        String list = "it-" + UUID.randomUUID().toString().substring(0, 8);
        MailParsed a = mail(list, "a", "2024-03-01T10:00:00Z");
        // a different mail reusing a's Message-ID: ingest keyed it by its content digest, so it is a mail of its own
        MailParsed reusesA = withKey(mail(list, "a", "2024-03-03T12:00:00Z"), "sha256:0123456789abcdef-" + list);
        List<MailParsed> mails = List.of(a,
                mail(list, "b", "2024-03-01T23:59:59Z"),
                mail(list, "c", "2024-03-03T00:00:00Z"),
                reusesA);
        try (var producer = producer()) {
            for (int round = 0; round < 2; round++) { // the second round is a re-delivery
                for (MailParsed m : mails) {
                    producer.send(new ProducerRecord<>(Topics.MAIL_PARSED, m.key(), EventJson.mapper().writeValueAsBytes(m))).get();
                }
            }
            producer.send(new ProducerRecord<>(Topics.MAIL_PARSED, "broken-" + list, "{not json".getBytes(StandardCharsets.UTF_8))).get();
        }

        awaitCount(list, 4);
        Thread.sleep(2000); // give duplicates a chance to show up
        assertThat(count(list)).isEqualTo(4);
        for (MailParsed m : List.of(a, reusesA)) {
            JsonNode doc = elasticsearch.get(g -> g.index(IndexSpec.MAILS.alias()).id(m.key()), JsonNode.class).source();
            assertThat(doc.get("messageId").asText()).isEqualTo(a.messageId());
            assertThat(doc.get("date").asText()).isEqualTo(m.date().toString());
        }

        JsonPath digest = given().when().get("/api/digest?list=" + list + "&from=2024-03-01&to=2024-03-03")
                .then().statusCode(200).extract().jsonPath();
        assertThat(digest.getLong("total")).isEqualTo(4);
        assertThat(digest.getList("perDay.count", Long.class)).containsExactly(2L, 0L, 2L);
        assertThat(digest.getList("perList.key")).containsExactly(list);
        assertThat(digest.getList("perListId.key")).containsExactly("linux-mm.kvack.org");
        assertGrimoireLabAuthorFields(mails.get(0));

        assertThat(deadLetterReasons()).anySatisfy(r -> assertThat(r).contains("not a MailParsed JSON"));
    }

    @Test
    void badParametersAre400s() {
        given().when().get("/api/digest?from=2024-03-10&to=2024-03-01").then().statusCode(400)
                .body("error", containsString("after"));
        given().when().get("/api/digest?from=yesterday").then().statusCode(400)
                .body("error", containsString("from must be a date"));
    }

    private static MailParsed mail(String list, String id, String date) {
        String messageId = id + "@" + list;
        return new MailParsed(messageId, messageId, false, list, List.of("linux-mm.kvack.org"), "[PATCH] " + id,
                "Dev", "dev@Example.org", false, Instant.parse(date), true, 330, null, List.of(), "test", "0",
                Instant.now(), 100, List.of());
    }

    private static MailParsed withKey(MailParsed m, String key) {
        return new MailParsed(key, m.messageId(), m.messageIdMissing(), m.list(), m.listIds(), m.subject(), m.fromName(),
                m.fromEmail(), m.authorBot(), m.date(), m.dateFromHeader(), m.utcOffsetMinutes(), m.inReplyTo(),
                m.references(), m.source(), m.sourcePosition(), m.receivedAt(), m.sizeBytes(), m.problems());
    }

    /** The field names GrimoireLab's mailing-list dashboards query. */
    private void assertGrimoireLabAuthorFields(MailParsed mail) throws Exception {
        JsonNode doc = elasticsearch.get(g -> g.index(IndexSpec.MAILS.alias()).id(mail.messageId()), JsonNode.class).source();
        assertThat(doc.get("author_name").asText()).isEqualTo("Dev");
        assertThat(doc.get("author_domain").asText()).isEqualTo("example.org");
        assertThat(doc.get("author_bot").asBoolean(true)).isFalse();
        assertThat(doc.get("list").asText()).isEqualTo(mail.list());
        assertThat(doc.get("tz").asInt()).isEqualTo(5);
        assertThat(doc.get("utcOffsetMinutes").asInt()).isEqualTo(330);
        assertThat(Instant.parse(doc.get("grimoire_creation_date").asText())).isEqualTo(mail.date());
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap), new StringSerializer(),
                new ByteArraySerializer());
    }

    private long count(String list) throws Exception {
        elasticsearch.indices().refresh(r -> r.index(IndexSpec.MAILS.alias()));
        return elasticsearch.count(c -> c.index(IndexSpec.MAILS.alias()).query(q -> q.term(t -> t.field("list").value(list)))).count();
    }

    private void awaitCount(String list, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (count(list) < expected) {
            assertThat(Instant.now()).as("waiting for %d documents", expected).isBefore(deadline);
            Thread.sleep(300);
        }
    }

    private List<String> deadLetterReasons() throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MAIL_PARSED_DLQ));
            Instant deadline = Instant.now().plusSeconds(30);
            List<String> reasons = new java.util.ArrayList<>();
            while (reasons.isEmpty() && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    reasons.add(EventJson.mapper().readTree(record.value()).get("reason").asText());
                }
            }
            return reasons;
        }
    }
}
