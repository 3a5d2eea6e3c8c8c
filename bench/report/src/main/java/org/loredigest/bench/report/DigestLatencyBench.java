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
 * {@code cgroups-2024-0[1-4]}, January to April), {@code bench.input} ({@code months}, the default, or
 * {@code busy-week}: the {@link BusyWeek} replay of several lists, whose week's digest is also saved, in every
 * language and format, to {@code bench/report/target/busy-week/}).
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
        boolean busyWeek = "busy-week".equals(System.getProperty("bench.input", "months"));
        Map<String, List<Path>> mboxes = new LinkedHashMap<>();
        if (busyWeek) {
            for (BusyWeek.Replayed r : BusyWeek.write(corpus.getParent(), root.resolve("bench/report/target/busy-week"))) {
                mboxes.put(r.list(), List.of(r.mbox()));
            }
        } else {
            try (Stream<Path> files = Files.list(corpus)) {
                var glob = corpus.getFileSystem().getPathMatcher("glob:" + months + ".mbox");
                mboxes.put(LIST, files.filter(p -> glob.matches(p.getFileName())).sorted().toList());
            }
        }
        String lists = String.join(",", mboxes.keySet());
        Map<String, LocalDate[]> periods = busyWeek
                ? Map.of("week", new LocalDate[] {BusyWeek.FROM, BusyWeek.TO}) : PERIODS;
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
                        mboxes.values().stream().mapToInt(List::size).sum(), topics, (System.nanoTime() - start) / 1e9);
                if (busyWeek) {
                    save(services.get(2), lists, root.resolve("bench/report/target/busy-week"));
                }
                report(services.get(2), elasticsearch.httpUrl(), lists, periods, warmup, rounds);
            } finally {
                for (ServiceProcess s : services.reversed()) {
                    s.close();
                }
            }
        }
    }

    /** The busy week's digest in every language and format, for reading and for the screenshot in docs/. */
    private static void save(ServiceProcess report, String lists, Path dir) throws Exception {
        for (String lang : List.of("zh", "en")) {
            for (String format : List.of("md", "html", "json")) {
                String body = get(report.uri("/api/digests?lists=" + lists + "&from=" + BusyWeek.FROM + "&to=" + BusyWeek.TO
                        + "&lang=" + lang + "&format=" + format));
                Files.writeString(dir.resolve("digest." + lang + "." + format), body);
            }
        }
        System.out.println("busy week digest saved to " + dir);
    }

    private static long ingest(ServiceProcess ingest, Map<String, List<Path>> mboxesByList) throws Exception {
        long mails = 0;
        for (var entry : mboxesByList.entrySet()) {
            for (Path mbox : entry.getValue()) {
                mails += ingest(ingest, entry.getKey(), mbox);
            }
        }
        return mails;
    }

    /** Uploads one mbox; returns the mails it added (duplicates left out). */
    private static long ingest(ServiceProcess ingest, String list, Path mbox) throws Exception {
        var request = HttpRequest.newBuilder(ingest.uri("/api/imports/mbox?list=" + list + "&source=" + mbox.getFileName()))
                .header("Content-Type", "application/mbox").header("X-Api-Key", "bench")
                .POST(HttpRequest.BodyPublishers.ofFile(mbox)).build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import of " + mbox + " failed: " + response.body());
        }
        JsonNode result = JSON.readTree(response.body());
        return result.get("messages").asLong() - result.path("duplicates").asLong();
    }

    private static void report(ServiceProcess report, String elasticsearch, String lists, Map<String, LocalDate[]> periods,
                               int warmup, int rounds) throws Exception {
        System.out.printf("%d requests per row after %d warm-up rounds, one at a time, all rows in turn; "
                + "ratio = p50 / p50 of the raw topic search of the same period%n", rounds, warmup);
        LinkedHashMap<String, Callable<?>> calls = new LinkedHashMap<>();
        for (String period : List.of("week", "month")) {
            if (!periods.containsKey(period)) {
                continue;
            }
            LocalDate from = periods.get(period)[0];
            LocalDate to = periods.get(period)[1];
            String query = "/api/digests?lists=" + lists + "&from=" + from + "&to=" + to + "&lang=zh&format=";
            JsonNode digest = JSON.readTree(get(report.uri(query + "json")));
            System.out.printf("%s %s..%s: %d topics, %d messages; previous period %d topics%n", period, from, to,
                    digest.at("/overview/topics").asInt(), digest.at("/overview/messages").asLong(),
                    digest.at("/trends/previousTopics").asInt());
            String search = ReadModel.topicSearch(lists, from, to);
            String active = ReadModel.activeTopicSearch(lists, from, to);
            String count = "{\"query\":" + ReadModel.filter(lists, from, to) + "}";
            calls.put(period + ": raw topic search (ES)", () -> post(URI.create(elasticsearch + "/lore-topics/_search"), search));
            calls.put(period + ": active topic search (ES)", () -> post(URI.create(elasticsearch + "/lore-topics/_search"), active));
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
