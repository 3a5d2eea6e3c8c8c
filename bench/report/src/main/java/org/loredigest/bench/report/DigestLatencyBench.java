package org.loredigest.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.loredigest.events.EventJson;
import org.loredigest.testkit.ElasticsearchServer;
import org.loredigest.testkit.KafkaServer;
import org.loredigest.testkit.ServiceProcess;

/**
 * Digest latency against real data: every cgroups mbox of the corpus goes through ingest-, classify- and
 * report-service on a private broker and node; then {@code GET /api/digests} is timed for a one-week and a one-month
 * period, beside two baselines on the same node: the raw topic search the digest is assembled from, and a count.
 *
 * <p>System properties: {@code lore.shared.dir} (default {@code ../shared}), {@code bench.rounds} (300),
 * {@code bench.warmup} (30), {@code bench.months} (a glob over the corpus mbox names; default
 * {@code cgroups-2024-0[1-4]}, January to April).
 */
public final class DigestLatencyBench {

    static final ObjectMapper JSON = EventJson.mapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String LIST = "cgroups";
    static final Map<String, LocalDate[]> PERIODS = Map.of(
            "week", new LocalDate[] {LocalDate.parse("2024-03-04"), LocalDate.parse("2024-03-10")},
            "month", new LocalDate[] {LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-31")});

    private DigestLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path corpus = Path.of(System.getProperty("lore.shared.dir", "../shared"), "corpus", "lore-cgroups");
        int rounds = Integer.getInteger("bench.rounds", 300);
        int warmup = Integer.getInteger("bench.warmup", 30);
        String months = System.getProperty("bench.months", "cgroups-2024-0[1-4]");
        List<Path> mboxes;
        try (Stream<Path> files = Files.list(corpus)) {
            var glob = corpus.getFileSystem().getPathMatcher("glob:" + months + ".mbox");
            mboxes = files.filter(p -> glob.matches(p.getFileName())).sorted().toList();
        }
        try (KafkaServer kafka = KafkaServer.start(); ElasticsearchServer elasticsearch = ElasticsearchServer.start()) {
            Path logs = root.resolve("bench/report/target/logs");
            Map<String, String> config = Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "quarkus.elasticsearch.hosts", elasticsearch.hostAndPort(), "lore.ingest.api-key", "bench",
                    "kafka-streams.state.dir", Files.createTempDirectory(Files.createDirectories(logs), "classify-state").toString());
            List<ServiceProcess> services = new ArrayList<>();
            try {
                for (String name : List.of("ingest-service", "classify-service", "report-service")) {
                    services.add(ServiceProcess.start(root, name, config, logs));
                }
                for (ServiceProcess s : services) {
                    s.awaitReady(HTTP, Duration.ofSeconds(120));
                }
                long start = System.nanoTime();
                long mails = ingest(services.get(0), mboxes);
                long topics = ReadModel.awaitSettled(HTTP, JSON, elasticsearch.httpUrl(), kafka.bootstrapServers(), mails);
                System.out.printf("read model: %d mails from %d mbox files, %d topics (pipeline %.0f s)%n", mails,
                        mboxes.size(), topics, (System.nanoTime() - start) / 1e9);
                report(services.get(2), elasticsearch.httpUrl(), warmup, rounds);
            } finally {
                for (ServiceProcess s : services.reversed()) {
                    s.close();
                }
            }
        }
    }

    private static long ingest(ServiceProcess ingest, List<Path> mboxes) throws Exception {
        long mails = 0;
        for (Path mbox : mboxes) {
            var request = HttpRequest.newBuilder(ingest.uri("/api/imports/mbox?list=" + LIST + "&source=" + mbox.getFileName()))
                    .header("Content-Type", "application/mbox").header("X-Api-Key", "bench")
                    .POST(HttpRequest.BodyPublishers.ofFile(mbox)).build();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("import of " + mbox + " failed: " + response.body());
            }
            JsonNode result = JSON.readTree(response.body());
            mails += result.get("messages").asLong() - result.path("duplicates").asLong();
        }
        return mails;
    }

    private static void report(ServiceProcess report, String elasticsearch, int warmup, int rounds) throws Exception {
        System.out.printf("%d requests per row after %d warm-up rounds, one at a time, all rows in turn; "
                + "ratio = p50 / p50 of the raw topic search of the same period%n", rounds, warmup);
        LinkedHashMap<String, Callable<?>> calls = new LinkedHashMap<>();
        for (String period : List.of("week", "month")) {
            LocalDate from = PERIODS.get(period)[0];
            LocalDate to = PERIODS.get(period)[1];
            String query = "/api/digests?lists=" + LIST + "&from=" + from + "&to=" + to + "&lang=zh&format=";
            JsonNode digest = JSON.readTree(get(report.uri(query + "json")));
            System.out.printf("%s %s..%s: %d topics, %d messages; previous period %d topics%n", period, from, to,
                    digest.at("/overview/topics").asInt(), digest.at("/overview/messages").asLong(),
                    digest.at("/trends/previousTopics").asInt());
            String search = ReadModel.topicSearch(LIST, from, to);
            String count = "{\"query\":" + ReadModel.filter(LIST, from, to) + "}";
            calls.put(period + ": raw topic search (ES)", () -> post(URI.create(elasticsearch + "/lore-topics/_search"), search));
            calls.put(period + ": topic count (ES)", () -> post(URI.create(elasticsearch + "/lore-topics/_count"), count));
            for (String format : List.of("json", "md", "html")) {
                URI uri = report.uri(query + format);
                calls.put(period + ": digest " + format, () -> get(uri));
            }
        }
        System.out.println();
        System.out.println("| request                            |  p50 ms  |  p95 ms  |  p99 ms  | ratio  |");
        System.out.println("|------------------------------------|----------|----------|----------|--------|");
        List<Latencies> rows = Latencies.interleaved(calls, warmup, rounds);
        for (Latencies row : rows) {
            String period = row.name().substring(0, row.name().indexOf(':'));
            Latencies baseline = rows.stream().filter(r -> r.name().equals(period + ": raw topic search (ES)")).findFirst()
                    .orElseThrow();
            System.out.println(row.row(baseline));
        }
        System.out.println();
        System.out.println("finished " + Instant.now());
    }

    private static String get(URI uri) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String post(URI uri, String body) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String day(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }
}
