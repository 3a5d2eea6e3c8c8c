package org.loredigest.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.Participant;
import org.loredigest.events.ThreadClassified.SummaryField;
import org.loredigest.events.Topics;
import org.loredigest.report.elasticsearch.IndexSpec;
import org.loredigest.report.testing.HeadlessChromium;
import org.loredigest.testkit.ElasticsearchTestResource;
import org.loredigest.testkit.KafkaTestResource;

/**
 * Every HTML page the service serves — the digest in Chinese and English and a stored weekly digest — opened in
 * headless Chromium after hostile mail went through Kafka and Elasticsearch: none of its payloads runs.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ElasticsearchTestResource.class)
class HtmlDigestsInBrowserIT {

    static final Path OUT = Path.of("target", "browser-checks");
    static final String MARK = "document.body.setAttribute('" + HeadlessChromium.PWNED_ATTRIBUTE + "','1')";
    static final String SCRIPT = "<script>document.title='" + HeadlessChromium.PWNED + "'</script>";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ElasticsearchClient elasticsearch;

    @Test
    void hostileMailRunsNothingOnAnyServedPage() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        String list = "xss-" + UUID.randomUUID().toString().substring(0, 6);
        Instant week = Instant.parse("2024-04-10T10:00:00Z");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            send(producer, ClassifiedTopics.topic("s@" + list, list, "mm: " + SCRIPT + " [x](javascript:alert(1))", "bug",
                    "high", "applied", week, 1,
                    new Participant("Mallory \"><img src=x onerror=\"" + MARK + "\">", "m@example.org", false, 1),
                    SummaryField.of("\"><svg onload=\"" + MARK + "\"> Link: javascript:alert(1) "
                            + "<a href=\"javascript:alert(1)\">x</a>", "javascript:alert(1)@x", "commit message")));
        }
        awaitTopic(list);
        Files.createDirectories(OUT);

        String period = "/api/digests?lists=" + list + "&from=2024-04-08&to=2024-04-14&format=html&lang=";
        check(chromium, "served.zh", given().when().get(period + "zh").then().statusCode(200).extract().asString());
        check(chromium, "served.en", given().when().get(period + "en").then().statusCode(200).extract().asString());
        String id = given().when().post("/api/digests/weekly?week=2024-04-10").then().statusCode(200)
                .extract().jsonPath().getString("id");
        check(chromium, "served.weekly", given().when().get("/api/digests/weekly/" + id).then().statusCode(200)
                .header("Content-Type", containsString("text/html")).extract().asString());
    }

    private static void check(HeadlessChromium chromium, String name, String html) throws Exception {
        Path page = OUT.resolve(name + ".html");
        Files.writeString(page, html);
        Document dom = chromium.load(page);
        HeadlessChromium.assertNothingRan(dom, name);
        assertThat(dom.text()).as(name).contains(SCRIPT, "Mallory \"><img src=x onerror=", "<svg onload=");
    }

    private void send(KafkaProducer<String, byte[]> producer, ThreadClassified topic) throws Exception {
        producer.send(new ProducerRecord<>(Topics.THREAD_CLASSIFIED, topic.threadId(), EventJson.mapper().writeValueAsBytes(topic))).get();
    }

    private void awaitTopic(String list) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            elasticsearch.indices().refresh(r -> r.index(IndexSpec.TOPICS.alias()));
            if (elasticsearch.count(c -> c.index(IndexSpec.TOPICS.alias())
                    .query(q -> q.term(t -> t.field("lists").value(list)))).count() > 0) {
                return;
            }
            assertThat(Instant.now()).as("waiting for the topic of %s", list).isBefore(deadline);
            Thread.sleep(300);
        }
    }
}
