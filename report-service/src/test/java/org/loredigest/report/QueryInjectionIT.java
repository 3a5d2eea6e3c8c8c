package org.loredigest.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loredigest.events.EventJson;
import org.loredigest.events.MailParsed;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.Topics;
import org.loredigest.report.elasticsearch.IndexSpec;
import org.loredigest.testkit.ElasticsearchTestResource;
import org.loredigest.testkit.KafkaTestResource;

/**
 * Digest and count parameters against the real node: hostile values are refused with a 400 that says what is wrong,
 * or taken literally — never as Elasticsearch query syntax, wildcards, regular expressions or date math, and never
 * answered with another list's data or a server error. Two lists, one name a prefix of the other, hold the fixture.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ElasticsearchTestResource.class)
class QueryInjectionIT {

    static final String LIST = "inj-" + UUID.randomUUID().toString().substring(0, 6);
    /** Another list whose name starts with LIST: a prefix or wildcard match would show its topics. */
    static final String OTHER = LIST + "-other";
    static final String OTHER_MARK = "other-list-only " + OTHER;
    static final String PERIOD = "&from=2024-03-04&to=2024-03-10";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ElasticsearchClient elasticsearch;

    static boolean indexed;

    @BeforeEach
    void fixture() throws Exception {
        if (indexed) {
            return;
        }
        Instant week = Instant.parse("2024-03-05T10:00:00Z");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            send(producer, ClassifiedTopics.topic("a@" + LIST, LIST, "mm: fix for " + LIST, "patch", "high", "proposed", week, 1));
            send(producer, ClassifiedTopics.topic("b@" + OTHER, OTHER, OTHER_MARK, "bug", "critical", "none", week, 1));
            for (String list : List.of(LIST, OTHER, OTHER)) {
                String id = UUID.randomUUID() + "@" + list;
                MailParsed mail = new MailParsed(id, id, false, list, List.of(list + ".example.org"),
                        "[PATCH] x", "Dev", "dev@example.org", false, week, true, 0, null, List.of(), "test", "0",
                        Instant.now(), 100, List.of());
                producer.send(new ProducerRecord<>(Topics.MAIL_PARSED, mail.key(), EventJson.mapper().writeValueAsBytes(mail))).get();
            }
        }
        awaitCount(IndexSpec.TOPICS.alias(), "lists", 2);
        awaitCount(IndexSpec.MAILS.alias(), "list", 3);
        indexed = true;
    }

    static Stream<String> hostileListValues() {
        return Stream.of(LIST + " OR *", "*", LIST + "*", LIST + "?", "?" + LIST.substring(1), LIST + "\" } , \"match_all\": {",
                "list:* OR author:*", "lists:" + LIST + " OR lists:" + OTHER, "/.*/", "/" + LIST + ".*/", "(" + LIST + ")",
                LIST + "~", "_all", "+" + LIST, "-" + LIST, LIST + " " + OTHER, LIST.toUpperCase(), LIST + "\u0000",
                LIST + "\u202e", "Lïnux-mm", "linux-mm\uff0a", "🐧", "x".repeat(101), LIST + "\\", "{\"match_all\":{}}");
    }

    @ParameterizedTest
    @MethodSource("hostileListValues")
    void hostileListNamesAreRefused(String value) {
        given().queryParam("lists", value).when().get("/api/digests?format=json" + PERIOD).then().statusCode(400)
                .body("error", containsString("not a list name")).body(not(containsString(OTHER_MARK)));
        given().queryParam("list", value).when().get("/api/digest?from=2024-03-04&to=2024-03-10").then().statusCode(400)
                .body("error", containsString("not a list name"));
    }

    static Stream<String> hostileDays() {
        return Stream.of("now", "now-100y", "now-100y/d", "now/d", "2024-03-01||+1000y", "2024-03-01||-1y", "2024-03-01||/M",
                "2024-03-01T00:00:00Z", "2024-03-01T00:00", "20240301", "2024-3-1", "+10000-01-01", "+999999999-12-31",
                "-999999999-01-01", "-2024-03-01", "2024-02-30", "2024-13-01", "0000-01-01", "1969-12-31", "3000-01-01",
                "9999-12-31", "２０２４-03-01", "*", "2024-03-01 OR *", "{\"gte\":0}", "1709251200000", "2024-03-01".repeat(300));
    }

    @ParameterizedTest
    @MethodSource("hostileDays")
    void hostileDaysAreRefused(String value) {
        given().queryParam("from", value).queryParam("to", "2024-03-10").when().get("/api/digests?format=json&lists=" + LIST)
                .then().statusCode(400).body("error", containsString("from must be a date like 2024-03-01"));
        given().queryParam("to", value).when().get("/api/digests?format=json&lists=" + LIST)
                .then().statusCode(400).body("error", containsString("to must be a date like 2024-03-01"));
        given().queryParam("from", value).when().get("/api/digest")
                .then().statusCode(400).body("error", containsString("from must be a date"));
        given().queryParam("week", value).when().post("/api/digests/weekly")
                .then().statusCode(400).body("error", containsString("week must be a date"));
    }

    @Test
    void aListIsMatchedLiterallyAndOnlyItsOwnDataComesBack() {
        JsonPath digest = given().queryParam("lists", " " + LIST + " ," + LIST).when().get("/api/digests?format=json&lang=en" + PERIOD)
                .then().statusCode(200).extract().jsonPath();
        assertThat(digest.getList("lists")).containsExactly(LIST);
        assertThat(digest.getInt("overview.topics")).isEqualTo(1);
        assertThat(digest.getList("perList.list")).containsExactly(LIST);
        assertThat(digest.prettify()).doesNotContain(OTHER_MARK);

        JsonPath counts = given().queryParam("list", LIST).when().get("/api/digest?from=2024-03-04&to=2024-03-10")
                .then().statusCode(200).extract().jsonPath();
        assertThat(counts.getLong("total")).isEqualTo(1);
        assertThat(counts.getList("perList.key")).containsExactly(LIST);
    }

    @Test
    void aPrefixOfAListIsNoListAtAll() {
        String prefix = LIST.substring(0, LIST.length() - 1);
        given().queryParam("lists", prefix).when().get("/api/digests?format=json" + PERIOD).then().statusCode(400)
                .body("error", containsString("unknown list '" + prefix + "'")).body(not(containsString(OTHER_MARK)));
        given().queryParam("list", prefix).when().get("/api/digest?from=2024-03-04&to=2024-03-10").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void hugeValuesAreRefusedBeforeTheyReachElasticsearch() {
        String many = String.join(",", IntStream.range(0, 51).mapToObj(i -> "list" + i).toList());
        given().queryParam("lists", many).when().get("/api/digests?format=json" + PERIOD).then().statusCode(400)
                .body("error", containsString("at most 50 lists"));
        given().queryParam("list", many).when().get("/api/digest").then().statusCode(400)
                .body("error", containsString("at most 50 lists"));
        // past the HTTP server's request-line limit: refused there, still a client error
        int status = given().queryParam("lists", "a".repeat(20_000)).when().get("/api/digests").then().extract().statusCode();
        assertThat(status).isBetween(400, 499);
    }

    static Stream<String> hostileDigestIds() {
        return Stream.of("*", "weekly-*", "weekly-all-*", "_search", "_all", "_doc", "weekly-all-2024-03-11-2024-03-17 OR *",
                "weekly-all-2024-03-11-2024-03-17\" OR \"1\"=\"1", "weekly-" + "a".repeat(600), "x".repeat(1000),
                "WEEKLY-ALL-2024-03-11-2024-03-17", "weekly-all-2024-03-11-2024-03-17\u0000", "weekly-%2e%2e");
    }

    @ParameterizedTest
    @MethodSource("hostileDigestIds")
    void aStoredDigestIsFoundByItsExactIdOnly(String id) {
        given().when().get("/api/digests/weekly/{id}", id).then().statusCode(404);
    }

    @Test
    void languageAndFormatAreOneOfTheirValues() {
        for (String lang : List.of("zh' OR '1'='1", "ｚｈ", "zh\u0000", "*", "../en")) {
            given().queryParam("lang", lang).when().get("/api/digests?lists=" + LIST + PERIOD).then().statusCode(400)
                    .body("error", containsString("lang must be zh or en"));
        }
        for (String format : List.of("html<script>", "json OR *", "{{format}}", "../html")) {
            given().queryParam("format", format).when().get("/api/digests?lists=" + LIST + PERIOD).then().statusCode(400)
                    .body("error", containsString("format must be md, html or json"));
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, ThreadClassified topic) throws Exception {
        producer.send(new ProducerRecord<>(Topics.THREAD_CLASSIFIED, topic.threadId(), EventJson.mapper().writeValueAsBytes(topic))).get();
    }

    private void awaitCount(String alias, String field, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            elasticsearch.indices().refresh(r -> r.index(alias));
            long count = elasticsearch.count(c -> c.index(alias).query(q -> q.terms(t -> t.field(field)
                    .terms(v -> v.value(List.of(co.elastic.clients.elasticsearch._types.FieldValue.of(LIST),
                            co.elastic.clients.elasticsearch._types.FieldValue.of(OTHER))))))).count();
            if (count >= expected) {
                return;
            }
            assertThat(Instant.now()).as("waiting for %d documents in %s", expected, alias).isBefore(deadline);
            Thread.sleep(300);
        }
    }
}
