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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.testkit.ElasticsearchServer;
import org.loredigest.testkit.KafkaServer;
import org.loredigest.testkit.ServiceProcess;

/**
 * The walking skeleton end to end: a real corpus mbox goes into ingest-service over HTTP, through Kafka and
 * classify-service, into Elasticsearch via report-service, and comes back out as digest counts.
 */
class PipelineIT {

    static final Path ROOT = Path.of(System.getProperty("lore.root.dir", "../.."));
    static final Path LOGS = Path.of("target", "e2e");
    static final Path CORPUS = Path.of(System.getProperty("lore.shared.dir", "../../../shared"), "corpus");
    static final Path MBOX = CORPUS.resolve("lore-cgroups/cgroups-2024-03.mbox");
    static final Path INDEX = CORPUS.resolve("lore-cgroups/cgroups-2024-03.index.json");

    static final ObjectMapper JSON = EventJson.mapper();
    /** Uploads are write requests: ingest-service wants its API key (report-service gets the same one). */
    static final String INGEST_API_KEY = "e2e-" + Long.toHexString(System.nanoTime());
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ElasticsearchServer elasticsearch;
    static ServiceProcess ingest;
    static ServiceProcess classify;
    static ServiceProcess report;

    @BeforeAll
    static void startPipeline() throws Exception {
        KafkaServer kafka = KafkaServer.shared();
        elasticsearch = ElasticsearchServer.shared();
        Map<String, String> config = PipelineConfig.of(kafka, elasticsearch, INGEST_API_KEY, LOGS);
        ingest = ServiceProcess.start(ROOT, "ingest-service", config, LOGS);
        classify = ServiceProcess.start(ROOT, "classify-service", config, LOGS);
        report = ServiceProcess.start(ROOT, "report-service", config, LOGS);
        for (ServiceProcess service : new ServiceProcess[] {ingest, classify, report}) {
            service.awaitReady(HTTP, Duration.ofSeconds(90));
        }
    }

    @AfterAll
    static void stopPipeline() {
        for (ServiceProcess service : new ServiceProcess[] {report, classify, ingest}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void corpusMonthFlowsThroughAllServicesExactlyOnce() throws Exception {
        JsonNode index = JSON.readTree(INDEX.toFile());
        Set<String> distinctIds = new HashSet<>();
        index.forEach(m -> distinctIds.add(m.get("message_id").asText()));

        JsonNode imported = upload();
        assertThat(imported.get("messages").asLong()).isEqualTo(index.size());
        assertThat(imported.get("rejected").asLong()).isZero();
        assertThat(awaitStableCount(distinctIds.size())).isEqualTo(distinctIds.size());

        // Re-delivery of the whole month must not create a single extra document.
        upload();
        Thread.sleep(3000);
        assertThat(awaitStableCount(distinctIds.size())).isEqualTo(distinctIds.size());
        assertThat(indexedIds()).isEqualTo(distinctIds);

        Map<LocalDate, Long> expectedPerDay = new TreeMap<>();
        Map<String, Long> expectedPerListId = new TreeMap<>();
        index.forEach(m -> {
            expectedPerDay.merge(utcDay(m.get("date").asText()), 1L, Long::sum);
            String listId = m.get("list_id").asText().replaceAll("[<>]", "");
            expectedPerListId.merge(listId, 1L, Long::sum);
        });
        LocalDate from = ((TreeMap<LocalDate, Long>) expectedPerDay).firstKey();
        LocalDate to = ((TreeMap<LocalDate, Long>) expectedPerDay).lastKey();

        JsonNode digest = get(report.uri("/api/digest?list=cgroups&from=" + from + "&to=" + to));
        assertThat(digest.get("total").asLong()).isEqualTo(index.size());
        Map<LocalDate, Long> perDay = new TreeMap<>();
        digest.get("perDay").forEach(d -> {
            if (d.get("count").asLong() > 0) {
                perDay.put(LocalDate.parse(d.get("day").asText()), d.get("count").asLong());
            }
        });
        assertThat(perDay).isEqualTo(expectedPerDay);
        assertThat(digest.get("perDay")).hasSize((int) (to.toEpochDay() - from.toEpochDay() + 1));
        Map<String, Long> perList = new TreeMap<>();
        digest.get("perList").forEach(d -> perList.put(d.get("key").asText(), d.get("count").asLong()));
        assertThat(perList).isEqualTo(Map.of("cgroups", (long) index.size()));
        Map<String, Long> perListId = new TreeMap<>();
        digest.get("perListId").forEach(d -> perListId.put(d.get("key").asText(), d.get("count").asLong()));
        assertThat(perListId).isEqualTo(expectedPerListId);
    }

    @Test
    void digestRejectsBadParameters() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(report.uri("/api/digest?from=2024-03-10&to=2024-03-01")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("after");
    }

    private static JsonNode upload() throws Exception {
        var request = HttpRequest.newBuilder(ingest.uri("/api/imports/mbox?list=cgroups&source=cgroups-2024-03.mbox"))
                .header("Content-Type", "application/mbox")
                .header("X-Api-Key", INGEST_API_KEY)
                .POST(HttpRequest.BodyPublishers.ofFile(MBOX)).build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Waits until the index holds {@code expected} documents and stays there, or the count stops moving. */
    private static long awaitStableCount(long expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        long count = -1;
        while (Instant.now().isBefore(deadline)) {
            get(URI.create(elasticsearch.httpUrl() + "/lore-mails/_refresh"), "POST");
            count = get(URI.create(elasticsearch.httpUrl() + "/lore-mails/_count")).get("count").asLong();
            if (count >= expected) {
                Thread.sleep(2000);
                get(URI.create(elasticsearch.httpUrl() + "/lore-mails/_refresh"), "POST");
                return get(URI.create(elasticsearch.httpUrl() + "/lore-mails/_count")).get("count").asLong();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + count + " of " + expected + " mails indexed; report-service log:\n" + report.tail());
    }

    private static Set<String> indexedIds() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(elasticsearch.httpUrl() + "/lore-mails/_search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"size\":10000,\"_source\":[\"messageId\"]}")).build();
        JsonNode hits = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).get("hits").get("hits");
        Set<String> ids = new HashSet<>();
        hits.forEach(h -> ids.add(h.get("_source").get("messageId").asText()));
        return ids;
    }

    private static JsonNode get(URI uri) throws Exception {
        return get(uri, "GET");
    }

    private static JsonNode get(URI uri, String method) throws Exception {
        var request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, uri, response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    private static LocalDate utcDay(String rfc5322) {
        String cleaned = rfc5322.replaceAll("\\s*\\(.*\\)$", "").replaceAll("\\s+", " ");
        return ZonedDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
