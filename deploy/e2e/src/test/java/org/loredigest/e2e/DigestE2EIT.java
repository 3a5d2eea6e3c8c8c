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
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * English, Markdown, HTML and JSON — every section of the reference issue present, every count equal to what
 * Elasticsearch aggregates from the same index. Runs on its own broker and node, so other tests' mail cannot mix in.
 */
class DigestE2EIT {

    static final Path ROOT = Path.of(System.getProperty("lore.root.dir", "../.."));
    static final Path LOGS = Path.of("target", "e2e");
    static final Path CORPUS = Path.of(System.getProperty("lore.shared.dir", "../../../shared"), "corpus", "lore-cgroups");
    static final List<String> MONTHS = List.of("cgroups-2024-02", "cgroups-2024-03");
    static final LocalDate FROM = LocalDate.parse("2024-03-01");
    static final LocalDate TO = LocalDate.parse("2024-03-31");
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
        Map<String, String> config = Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.elasticsearch.hosts", elasticsearch.hostAndPort(),
                "lore.ingest.api-key", API_KEY,
                "lore.report.api-key", API_KEY,
                // a state directory of this run's own: Kafka Streams locks it, and another run may be going on
                "kafka-streams.state.dir", Files.createTempDirectory(Files.createDirectories(LOGS), "classify-state").toString());
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
                        "最活跃的补丁系列", "新贡献者", "问题根源", "解决方案", "影响评估", "查看完整讨论")
                : List.of("Linux Kernel Weekly", "📊 Overview", "By type", "By severity", "By list", "📬 Topics by list",
                        "topics)", "🔥 Top topics in depth", "🔧 Most important fixes", "📁 By subsystem", "📈 Trends",
                        "Busiest series", "New contributors");
        assertThat(text).contains(headings).contains("https://lore.kernel.org/cgroups/");
        if (format.equals("html")) {
            assertThat(text).contains("<svg", "Content-Security-Policy").doesNotContain("<script");
        }
    }

    @Test
    void jsonCountsAgreeWithElasticsearchAggregations() throws Exception {
        JsonNode zh = JSON.readTree(digest("cgroups", "zh", "json"));
        String en = digest("cgroups", "en", "json");
        Files.writeString(OUT.resolve("cgroups-2024-03.en.json"), en);
        JsonNode digest = JSON.readTree(en);
        assertThat(zh.get("overview")).isEqualTo(digest.get("overview"));

        TopicCounts expected = TopicCounts.of(HTTP, JSON, elasticsearch.httpUrl(), "cgroups", FROM, TO);
        assertThat(expected.topics()).as("March has topics").isGreaterThan(10);
        assertThat(TopicCounts.fromDigest(digest)).isEqualTo(expected);

        int topics = (int) expected.topics();
        assertThat(digest.get("top")).hasSize(Math.min(20, topics));
        assertThat(digest.get("fixes").size()).isBetween(1, 15);
        assertThat(digest.get("perList")).hasSize(1);
        assertThat(digest.get("perList").get(0).get("topics")).hasSize(topics);
        assertThat(digest.get("subsystems")).isNotEmpty();
        digest.get("perList").get(0).get("topics").forEach(t -> {
            assertThat(t.get("list").asText()).isEqualTo("cgroups");
            assertThat(t.get("id").asText()).isNotBlank();
        });

        JsonNode trends = digest.get("trends");
        LocalDate previousTo = FROM.minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(TO.toEpochDay() - FROM.toEpochDay());
        assertThat(trends.get("previousFrom").asText()).isEqualTo(previousFrom.toString());
        TopicCounts before = TopicCounts.of(HTTP, JSON, elasticsearch.httpUrl(), "cgroups", previousFrom, previousTo);
        assertThat(trends.get("previousTopics").asLong()).as("February has topics").isEqualTo(before.topics()).isPositive();
        trends.get("byType").forEach(c -> {
            assertThat(c.get("current").asLong()).isEqualTo(expected.byType().getOrDefault(c.get("key").asText(), 0L));
            assertThat(c.get("previous").asLong()).isEqualTo(before.byType().getOrDefault(c.get("key").asText(), 0L));
        });
        assertThat(trends.get("bySubsystem")).isNotEmpty();
        assertThat(trends.get("busiestSeries")).isNotEmpty();
    }

    @Test
    void hostileMailTextIsEscapedInTheHtmlDigest() throws Exception {
        String html = digest(HOSTILE_LIST, "en", "html");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script", "<img");
        String markdown = digest(HOSTILE_LIST, "zh", "md");
        assertThat(markdown).contains("&lt;script&gt;").doesNotContain("<script", "<img");
    }

    private static String digest(String list, String lang, String format) throws Exception {
        URI uri = report.uri("/api/digests?lists=" + list + "&from=" + FROM + "&to=" + TO + "&lang=" + lang + "&format=" + format);
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
