package org.loredigest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loredigest.events.EventJson;
import org.loredigest.testkit.ElasticsearchServer;
import org.loredigest.testkit.KafkaServer;
import org.loredigest.testkit.ServiceProcess;

/**
 * The digest end to end: February and March 2024 of the cgroups list go into ingest-service over HTTP, through
 * Kafka and classify-service into report-service's read model, and March comes back as a digest in Chinese and
 * English, Markdown, HTML and JSON — every section of the reference issue present, and a week's and the month's
 * topics and counts equal to what an index of the mbox files made here (not by the product) says. Runs on its own
 * broker and node, so other tests' mail cannot mix in.
 */
class DigestE2EIT {

    static final Path ROOT = Path.of(System.getProperty("lore.root.dir", "../.."));
    static final Path LOGS = Path.of("target", "e2e");
    static final Path CORPUS = Path.of(System.getProperty("lore.shared.dir", "../../../shared"), "corpus", "lore-cgroups");
    static final List<String> MONTHS = List.of("cgroups-2024-02", "cgroups-2024-03");
    static final LocalDate FROM = LocalDate.parse("2024-03-01");
    static final LocalDate TO = LocalDate.parse("2024-03-31");
    /** The busiest week of March in this corpus (16 threads, 112 mails), threads begun in February among them. */
    static final LocalDate WEEK_FROM = LocalDate.parse("2024-03-25");
    static final LocalDate WEEK_TO = LocalDate.parse("2024-03-31");
    static final String API_KEY = "e2e-digest-key";
    static final String HOSTILE_LIST = "e2e-hostile";
    static final Path OUT = Path.of("target", "e2e", "digests");

    static final ObjectMapper JSON = EventJson.mapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static KafkaServer kafka;
    static ElasticsearchServer elasticsearch;
    static List<ServiceProcess> services;
    static ServiceProcess ingest;
    static ServiceProcess report;

    @BeforeAll
    static void runTheCorpusThroughThePipeline() throws Exception {
        kafka = KafkaServer.start();
        elasticsearch = ElasticsearchServer.start();
        Map<String, String> config = PipelineConfig.of(kafka, elasticsearch, API_KEY, LOGS);
        ingest = ServiceProcess.start(ROOT, "ingest-service", config, LOGS);
        ServiceProcess classify = ServiceProcess.start(ROOT, "classify-service", config, LOGS);
        report = ServiceProcess.start(ROOT, "report-service", config, LOGS);
        services = List.of(report, classify, ingest);
        for (ServiceProcess service : services) {
            service.awaitReady(HTTP, Duration.ofSeconds(90));
        }
        Set<String> ids = new HashSet<>();
        for (String month : MONTHS) {
            JSON.readTree(CORPUS.resolve(month + ".index.json").toFile()).forEach(m -> ids.add(m.get("message_id").asText()));
            post("/api/imports/mbox?list=cgroups&source=" + month + ".mbox", "application/mbox",
                    HttpRequest.BodyPublishers.ofFile(CORPUS.resolve(month + ".mbox")));
        }
        post("/api/imports/message?list=" + HOSTILE_LIST + "&source=hostile.eml", "message/rfc822",
                HttpRequest.BodyPublishers.ofString(HostileMail.RAW));
        PipelineProgress.awaitSettled(HTTP, JSON, elasticsearch.httpUrl(), kafka.bootstrapServers(), "cgroups", ids.size(),
                report);
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.forEach(ServiceProcess::close);
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"zh, md", "zh, html", "en, md", "en, html"})
    void everySectionOfTheReferenceIsThere(String lang, String format) throws Exception {
        String text = digest("cgroups", lang, format);
        Files.writeString(OUT.resolve("cgroups-2024-03." + lang + "." + format), text);
        List<String> headings = lang.equals("zh")
                ? List.of("Linux 内核周刊", "📊 本周概览", "问题类型分布", "严重程度分布", "邮件列表分布", "📬 按邮件列表分组",
                        "个主题)", "🔥 重点问题深度分析", "🔧 修复方案详解", "📁 分类统计", "📈 趋势分析", "与上一周期对比",
                        "最活跃的补丁系列", "新贡献者", "问题根源", "解决方案", "影响评估", "查看完整讨论", "本期动态", "活跃度")
                : List.of("Linux Kernel Weekly", "📊 Overview", "By type", "By severity", "By list", "📬 Topics by list",
                        "topics)", "🔥 Top topics in depth", "🔧 Most important fixes", "📁 By subsystem", "📈 Trends",
                        "Busiest series", "New contributors", "This period", "Activity");
        assertThat(text).contains(headings).contains("https://lore.kernel.org/cgroups/");
        if (format.equals("html")) {
            assertThat(text).contains("<svg", "Content-Security-Policy").doesNotContain("<script");
        }
    }

    @Test
    void everyThreadWithMailInTheWeekIsOneEntryWithItsInPeriodCounts() throws Exception {
        MboxThreads index = MboxThreads.read(MONTHS.stream().map(m -> CORPUS.resolve(m + ".mbox")).toList());
        Instant start = WEEK_FROM.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = WEEK_TO.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Integer> expected = new TreeMap<>();
        Set<String> startedEarlier = new TreeSet<>();
        index.threads().forEach((thread, mails) -> {
            int inWeek = (int) mails.stream().filter(m -> within(m.date(), start, end)).count();
            if (inWeek > 0 && !noise(mails)) {
                expected.put(thread, inWeek);
                if (mails.stream().anyMatch(m -> m.date() != null && m.date().isBefore(start))) {
                    startedEarlier.add(thread);
                }
            }
        });
        assertThat(expected).as("threads with mail in the week").hasSizeGreaterThan(10);
        assertThat(startedEarlier).as("threads begun before the week and active in it").isNotEmpty();

        String json = digest("cgroups", WEEK_FROM, WEEK_TO, "en", "json");
        Files.writeString(OUT.resolve("cgroups-week-" + WEEK_FROM + ".en.json"), json);
        Map<String, List<String>> coveredBy = new TreeMap<>();
        for (JsonNode entry : entries(JSON.readTree(json))) {
            Set<String> threads = new TreeSet<>();
            threadsOf(entry).forEach(id -> threads.add(Objects.requireNonNull(index.threadOf(id), "unknown thread id " + id)));
            threads.forEach(t -> coveredBy.computeIfAbsent(t, k -> new ArrayList<>()).add(entry.get("id").asText()));
            int inWeek = threads.stream().mapToInt(t -> expected.getOrDefault(t, 0)).sum();
            assertThat(messages(entry)).as("mails in the week of %s", entry.get("id").asText()).isEqualTo(inWeek);
            if (threads.stream().anyMatch(startedEarlier::contains)) {
                assertThat(status(entry)).as("status of %s", entry.get("id").asText()).isIn("ongoing", "concluded");
            }
        }
        expected.keySet().forEach(thread -> assertThat(coveredBy.getOrDefault(thread, List.of()))
                .as("digest entries covering thread %s", thread).hasSize(1));
        assertThat(coveredBy.keySet()).as("threads in the digest").isEqualTo(expected.keySet());
    }

    @Test
    void theMonthsCountsAgreeWithTheMboxAndTrendsUseTheSameDefinition() throws Exception {
        MboxThreads index = MboxThreads.read(MONTHS.stream().map(m -> CORPUS.resolve(m + ".mbox")).toList());
        Instant start = FROM.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = TO.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long mails = index.threads().values().stream().filter(t -> !noise(t))
                .mapToLong(t -> t.stream().filter(m -> within(m.date(), start, end)).count()).sum();

        JsonNode zh = JSON.readTree(digest("cgroups", FROM, TO, "zh", "json"));
        String en = digest("cgroups", FROM, TO, "en", "json");
        Files.writeString(OUT.resolve("cgroups-2024-03.en.json"), en);
        JsonNode digest = JSON.readTree(en);
        assertThat(zh.get("overview")).isEqualTo(digest.get("overview"));
        JsonNode overview = digest.get("overview");
        assertThat(overview.get("messages").asLong()).as("mails in March").isEqualTo(mails);
        int topics = overview.get("topics").asInt();
        assertThat(topics).isGreaterThan(10);
        assertThat(overview.get("started").asInt() + overview.get("ongoing").asInt() + overview.get("concluded").asInt())
                .isEqualTo(topics);
        assertThat(entries(digest)).hasSize(topics);
        assertThat(digest.get("top")).hasSize(Math.min(20, topics));
        assertThat(scores(digest.get("top"))).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(digest.get("fixes").size()).isBetween(1, 15);
        assertThat(digest.get("subsystems")).isNotEmpty();

        JsonNode trends = digest.get("trends");
        LocalDate previousTo = FROM.minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(TO.toEpochDay() - FROM.toEpochDay());
        assertThat(trends.get("previousFrom").asText()).isEqualTo(previousFrom.toString());
        JsonNode february = JSON.readTree(digest("cgroups", previousFrom, previousTo, "en", "json"));
        assertThat(trends.get("previousTopics").asInt()).as("February has topics")
                .isEqualTo(february.get("overview").get("topics").asInt()).isPositive();
        trends.get("activity").forEach(c -> {
            if (c.get("key").asText().equals("messages")) {
                assertThat(c.get("previous").asLong()).isEqualTo(february.get("overview").get("messages").asLong());
            }
        });
        assertThat(trends.get("busiestSeries")).isNotEmpty();
    }

    @Test
    void hostileMailTextIsEscapedInTheHtmlDigest() throws Exception {
        String html = digest(HOSTILE_LIST, "en", "html");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script", "<img");
        String markdown = digest(HOSTILE_LIST, "zh", "md");
        assertThat(markdown).contains("&lt;script&gt;").doesNotContain("<script", "<img");
    }

    /**
     * Threads the digest leaves out by rule, recognised here by their own words: bot notices that report no bug
     * (build success, performance improvements) and patch-queue notices.
     */
    static boolean noise(List<MboxThreads.Mail> thread) {
        MboxThreads.Mail first = thread.get(0);
        String subject = first.subject();
        return thread.stream().allMatch(MboxThreads.Mail::fromBot)
                && (subject.contains("BUILD SUCCESS") || subject.contains("% improvement"))
                || subject.startsWith("+ ") || subject.startsWith("[merged") || subject.contains("has been added to the");
    }

    static boolean within(Instant at, Instant start, Instant end) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }

    /** Every entry of the digest: the full ones and the one-line ones of every list. */
    static List<JsonNode> entries(JsonNode digest) {
        List<JsonNode> out = new ArrayList<>();
        digest.get("perList").forEach(s -> {
            s.get("topics").forEach(out::add);
            s.get("brief").forEach(out::add);
        });
        return out;
    }

    static List<String> threadsOf(JsonNode entry) {
        JsonNode threads = entry.has("activity") ? entry.get("activity").get("threads") : entry.get("threads");
        List<String> out = new ArrayList<>();
        threads.forEach(t -> out.add(t.asText()));
        return out;
    }

    static int messages(JsonNode entry) {
        return entry.has("activity") ? entry.get("activity").get("messages").asInt() : entry.get("messages").asInt();
    }

    static String status(JsonNode entry) {
        return entry.has("activity") ? entry.get("activity").get("status").asText() : entry.get("status").asText();
    }

    static List<Integer> scores(JsonNode topics) {
        List<Integer> out = new ArrayList<>();
        topics.forEach(t -> out.add(t.get("score").asInt()));
        return out;
    }

    private static String digest(String list, String lang, String format) throws Exception {
        return digest(list, FROM, TO, lang, format);
    }

    private static String digest(String list, LocalDate from, LocalDate to, String lang, String format) throws Exception {
        URI uri = report.uri("/api/digests?lists=" + list + "&from=" + from + "&to=" + to + "&lang=" + lang + "&format=" + format);
        var response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("%s: %s", uri, response.body()).isEqualTo(200);
        return response.body();
    }

    private static void post(String pathAndQuery, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        var request = HttpRequest.newBuilder(ingest.uri(pathAndQuery)).header("Content-Type", contentType)
                .header("X-Api-Key", API_KEY).POST(body).build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", pathAndQuery, response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("rejected").asLong()).isZero();
    }
}
