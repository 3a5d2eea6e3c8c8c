package org.loredigest.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
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

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ElasticsearchTestResource.class)
class DigestsIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ElasticsearchClient elasticsearch;

    @Test
    void classifiedThreadsBecomeADigestInEveryFormatAndLanguage() throws Exception {
        String list = "dg-" + UUID.randomUUID().toString().substring(0, 6);
        Instant week = Instant.parse("2024-03-05T10:00:00Z");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            send(producer, ClassifiedTopics.topic("a@" + list, list, "mm: <script>alert(1)</script>", "bug", "high", "proposed", week, 2));
            // an older version arriving late must not win
            send(producer, ClassifiedTopics.topic("a@" + list, list, "stale title", "patch", "low", "none", week, 1));
            send(producer, ClassifiedTopics.topic("b@" + list, list, "memcg: fix leak", "patch", "medium", "applied", week, 1));
            send(producer, ClassifiedTopics.topic("c@" + list, list, "last week", "patch", "low", "none", week.minusSeconds(7 * 86400), 1));
            producer.send(new ProducerRecord<>(Topics.THREAD_CLASSIFIED, "bad@" + list, "{oops".getBytes())).get();
        }
        awaitTopics(list, 3);

        String query = "/api/digests?lists=" + list + "&from=2024-03-04&to=2024-03-10";
        String json = given().when().get(query + "&format=json&lang=en").then().statusCode(200).extract().asString();
        var tree = EventJson.mapper().readTree(json);
        assertThat(tree.get("overview").get("topics").asInt()).isEqualTo(2);
        assertThat(tree.get("trends").get("previousTopics").asInt()).isEqualTo(1);
        assertThat(tree.get("top").get(0).get("title").asText()).isEqualTo("mm: <script>alert(1)</script>");
        assertThat(tree.get("top").get(0).get("severity").asText()).isEqualTo("high");

        String md = given().when().get(query + "&format=md&lang=zh").then().statusCode(200)
                .header("Content-Type", containsString("text/markdown")).extract().asString();
        assertThat(md).contains("# Linux 内核周刊", "## 📈 趋势分析", "https://lore.kernel.org/" + list + "/applied-b@" + list + "/");

        String html = given().when().get(query + "&format=html&lang=en").then().statusCode(200)
                .header("Content-Type", containsString("text/html")).extract().asString();
        assertThat(html).contains("<svg", "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script", "<img");
    }

    @Test
    void weeklyDigestsAreStoredListedAndFed() throws Exception {
        String list = "wk-" + UUID.randomUUID().toString().substring(0, 6);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            send(producer, ClassifiedTopics.topic("w@" + list, list, "weekly <b>topic</b>", "patch", "medium", "none",
                    Instant.parse("2024-03-13T10:00:00Z"), 1));
        }
        awaitTopics(list, 1);
        String id = given().when().post("/api/digests/weekly?week=2024-03-13").then().statusCode(200)
                .extract().jsonPath().getString("id");
        assertThat(id).isEqualTo("weekly-all-2024-03-11-2024-03-17");
        given().when().get("/api/digests/weekly").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
        String html = given().when().get("/api/digests/weekly/" + id + "?lang=en").then().statusCode(200).extract().asString();
        assertThat(html).contains("weekly &lt;b&gt;topic&lt;/b&gt;");
        String feed = given().when().get("/api/digests/weekly/feed.atom?lang=en").then().statusCode(200)
                .header("Content-Type", containsString("application/atom+xml")).extract().asString();
        assertThat(feed).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">", id + "?format=html&amp;lang=en");
        given().when().get("/api/digests/weekly/no-such-digest").then().statusCode(404);
    }

    @Test
    void badParametersAreRefusedClearly() {
        given().when().get("/api/digests?lists=no-such-list").then().statusCode(400).body("error", containsString("unknown list"));
        given().when().get("/api/digests?lang=fr").then().statusCode(400).body("error", containsString("lang must be zh or en"));
        given().when().get("/api/digests?format=pdf").then().statusCode(400).body("error", containsString("format must be"));
        given().when().get("/api/digests?from=2024-01-01&to=2024-12-31").then().statusCode(400).body("error", containsString("at most"));
        given().when().get("/api/digests?from=2024-03-10&to=2024-03-01").then().statusCode(400).body("error", containsString("after"));
    }

    private void send(KafkaProducer<String, byte[]> producer, ThreadClassified topic) throws Exception {
        producer.send(new ProducerRecord<>(Topics.THREAD_CLASSIFIED, topic.threadId(), EventJson.mapper().writeValueAsBytes(topic))).get();
    }

    private void awaitTopics(String list, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            elasticsearch.indices().refresh(r -> r.index(IndexSpec.TOPICS.alias()));
            long count = elasticsearch.count(c -> c.index(IndexSpec.TOPICS.alias())
                    .query(q -> q.term(t -> t.field("lists").value(list)))).count();
            if (count >= expected) {
                Thread.sleep(1500); // let the stale version arrive too
                return;
            }
            assertThat(Instant.now()).as("waiting for %d topics", expected).isBefore(deadline);
            Thread.sleep(300);
        }
    }
}
