package org.loredigest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.events.MessageKey;
import org.loredigest.events.TopicSpec;
import org.loredigest.events.Topics;
import org.loredigest.testkit.ElasticsearchServer;
import org.loredigest.testkit.KafkaServer;
import org.loredigest.testkit.ServiceProcess;

/**
 * Identity and topic ownership through the real services on a broker and node of their own. report-service starts
 * first on the empty broker and must make every topic as the shared specs say. Then two different mails that share
 * one Message-ID (a broken mailer reusing an id) go through ingest, classify and report: both must be documents of
 * {@code lore-mails} and both must be messages of their thread's topic in {@code lore-topics}.
 */
class MessageIdCollisionIT {

    static final Path ROOT = Path.of(System.getProperty("lore.root.dir", "../.."));
    static final Path LOGS = Path.of("target", "e2e", "collision");
    static final String LIST = "e2e-collision";
    static final String API_KEY = "e2e-collision-key";
    static final String ROOT_ID = "20240304100000.root@e2e.example.org";
    static final String SHARED_ID = "20240304110000.reused@e2e.example.org";

    static final ObjectMapper JSON = EventJson.mapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static KafkaServer kafka;
    static ElasticsearchServer elasticsearch;
    static final List<ServiceProcess> services = new ArrayList<>();
    static ServiceProcess ingest;
    static ServiceProcess report;
    /** Topic configs as report-service left them, before any other service ran. */
    static Map<String, Map<String, String>> topicsAfterReportAlone;

    @BeforeAll
    static void startReportFirstThenTheRest() throws Exception {
        kafka = KafkaServer.start();
        elasticsearch = ElasticsearchServer.start();
        Map<String, String> config = PipelineConfig.of(kafka, elasticsearch, API_KEY, LOGS);
        report = ServiceProcess.start(ROOT, "report-service", config, LOGS);
        services.add(report);
        report.awaitReady(HTTP, Duration.ofSeconds(90));
        topicsAfterReportAlone = topicConfigs();

        ServiceProcess classify = ServiceProcess.start(ROOT, "classify-service", config, LOGS);
        services.add(classify);
        ingest = ServiceProcess.start(ROOT, "ingest-service", config, LOGS);
        services.add(ingest);
        classify.awaitReady(HTTP, Duration.ofSeconds(90));
        ingest.awaitReady(HTTP, Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        services.reversed().forEach(ServiceProcess::close);
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void reportServiceStartedAloneMadeEveryTopicWithTheSharedSpec() {
        for (TopicSpec spec : Topics.SPECS) {
            assertThat(topicsAfterReportAlone).as("topics after report-service started").containsKey(spec.name());
            assertThat(topicsAfterReportAlone.get(spec.name())).as(spec.name()).containsAllEntriesOf(spec.configs());
        }
        assertThat(topicsAfterReportAlone.get(Topics.THREAD_CLASSIFIED))
                .containsEntry("max.message.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
    }

    @Test
    void twoDifferentMailsWithOneMessageIdAreBothIndexedAndBothInTheirThread() throws Exception {
        String mbox = mail(ROOT_ID, "Dev One <dev@e2e.example.org>", "Mon, 4 Mar 2024 10:00:00 +0000",
                "[PATCH] mm: fix the foo counter", null, "foo_count() reads the counter twice; read it once.\n")
                + mail(SHARED_ID, "Rev Alice <alice@e2e.example.org>", "Mon, 4 Mar 2024 11:00:00 +0000",
                "Re: [PATCH] mm: fix the foo counter", ROOT_ID, "Looks right.\n\nReviewed-by: Rev Alice <alice@e2e.example.org>\n")
                + mail(SHARED_ID, "Rev Bob <bob@e2e.example.org>", "Mon, 4 Mar 2024 12:00:00 +0000",
                "Re: [PATCH] mm: fix the foo counter", ROOT_ID, "Tested on arm64.\n\nTested-by: Rev Bob <bob@e2e.example.org>\n");

        JsonNode imported = upload(mbox);
        assertThat(imported.get("messages").asLong()).as(imported.toString()).isEqualTo(3);
        assertThat(imported.get("duplicates").asLong()).isZero();
        PipelineProgress.awaitSettled(HTTP, JSON, elasticsearch.httpUrl(), kafka.bootstrapServers(), LIST, 3, report);

        // lore-mails: one document per mail, the two sharing the Message-ID under different keys
        JsonNode hits = search("lore-mails", "{\"size\":10,\"query\":{\"term\":{\"list\":\"" + LIST + "\"}}}");
        Map<String, JsonNode> byAuthor = new HashMap<>();
        hits.forEach(h -> byAuthor.put(h.get("_source").get("fromEmail").asText(), h));
        assertThat(byAuthor).containsOnlyKeys("dev@e2e.example.org", "alice@e2e.example.org", "bob@e2e.example.org");
        JsonNode alice = byAuthor.get("alice@e2e.example.org");
        JsonNode bob = byAuthor.get("bob@e2e.example.org");
        assertThat(alice.get("_source").get("messageId").asText()).isEqualTo(SHARED_ID);
        assertThat(bob.get("_source").get("messageId").asText()).isEqualTo(SHARED_ID);
        assertThat(alice.get("_id").asText()).isEqualTo(SHARED_ID).isEqualTo(alice.get("_source").get("key").asText());
        assertThat(bob.get("_id").asText()).startsWith(MessageKey.CONTENT_PREFIX).isEqualTo(bob.get("_source").get("key").asText());

        // lore-topics: the thread holds all three mails, both reviews among them
        JsonNode topics = search("lore-topics", "{\"size\":10,\"query\":{\"term\":{\"list\":\"" + LIST + "\"}}}");
        assertThat(topics).hasSize(1);
        JsonNode topic = topics.get(0).get("_source");
        assertThat(topic.get("threadId").asText()).isEqualTo(ROOT_ID);
        assertThat(topic.get("messageCount").asInt()).isEqualTo(3);
        List<String> keys = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        topic.get("activity").forEach(a -> {
            keys.add(a.get("key").asText());
            authors.add(a.get("authorEmail").asText());
        });
        assertThat(keys).containsExactly(ROOT_ID, alice.get("_id").asText(), bob.get("_id").asText());
        assertThat(authors).containsExactly("dev@e2e.example.org", "alice@e2e.example.org", "bob@e2e.example.org");
        assertThat(topic.get("reviewers").toString()).contains("alice@e2e.example.org", "bob@e2e.example.org");
    }

    private static String mail(String id, String from, String date, String subject, String inReplyTo, String body) {
        return "From mboxrd@z Thu Jan  1 00:00:00 1970\n"
                + "From: " + from + "\n"
                + "To: " + LIST + "@e2e.example.org\n"
                + "Date: " + date + "\n"
                + "Subject: " + subject + "\n"
                + "Message-ID: <" + id + ">\n"
                + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\nReferences: <" + inReplyTo + ">\n")
                + "\n" + body + "\n";
    }

    private static JsonNode upload(String mbox) throws Exception {
        var request = HttpRequest.newBuilder(ingest.uri("/api/imports/mbox?list=" + LIST + "&source=collision.mbox"))
                .header("Content-Type", "application/mbox").header("X-Api-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(mbox)).build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode search(String index, String body) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch.httpUrl() + "/" + index + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch.httpUrl() + "/" + index + "/_search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("hits").get("hits");
    }

    /**
     * The configs set on each topic itself, by topic (values inherited from the broker's defaults are left out: they
     * differ per cluster, and this test broker raises the message size limit).
     */
    private static Map<String, Map<String, String>> topicConfigs() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<ConfigResource> resources = admin.listTopics().names().get(60, TimeUnit.SECONDS).stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<String, Map<String, String>> out = new HashMap<>();
            for (Map.Entry<ConfigResource, Config> e : admin.describeConfigs(resources).all().get(60, TimeUnit.SECONDS).entrySet()) {
                Map<String, String> values = new HashMap<>();
                e.getValue().entries().stream().filter(c -> c.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                        .forEach(c -> values.put(c.name(), c.value()));
                out.put(e.getKey().name(), values);
            }
            return out;
        }
    }
}
