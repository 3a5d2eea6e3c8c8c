package org.loredigest.classify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.summary.ExtractiveSummariser;
import org.loredigest.classify.domain.summary.llm.ChatClient;
import org.loredigest.classify.domain.summary.llm.DeferredSummariser;
import org.loredigest.classify.domain.summary.llm.LlmSettings;
import org.loredigest.classify.domain.summary.llm.LlmSummariser;
import org.loredigest.classify.domain.summary.llm.SummaryCache;
import org.loredigest.classify.domain.summary.llm.SummaryWorker;
import org.loredigest.classify.domain.summary.llm.TokenBudget;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.classify.testing.TopologyRun;
import org.loredigest.events.EventJson;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadSummarised;
import org.loredigest.testkit.ChatCompletionsServer;

/**
 * cgroups-2024-03 through the real topology with the model path switched on, against the test kit's loopback
 * chat-completions server playing a model that cites the thread's first message. Every topic keeps its extractive
 * summary on the hot path and gets a checked model summary for its final content; both are written to
 * {@code target/reports/cgroups-2024-03-{topics,summarised}.json}, which report-service's
 * {@code CorpusMonthDigestTest} renders in both modes.
 */
class CorpusMonthSummariesTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Pattern MESSAGE = Pattern.compile("=== Message-ID: (\\S+) \\| ([^|]+) \\| from ([^=]+) ===\\n([^\\n]*)");

    @Test
    void everyTopicOfTheMonthGetsAGroundedModelSummaryOffTheHotPath() throws Exception {
        Map<String, ThreadSummarised> published = new ConcurrentHashMap<>();
        List<ThreadClassified> topics;
        try (ChatCompletionsServer server = new ChatCompletionsServer().answerWith(CorpusMonthSummariesTest::answer)) {
            LlmSettings settings = new LlmSettings(server.baseUrl(), "", "scripted-test-model", 0.1, Duration.ofSeconds(10),
                    1500, 2, 0, false, 3, Duration.ofMillis(10));
            LlmSummariser llm = new LlmSummariser(new ChatClient(settings, JSON, new TokenBudget(0, Clock.systemUTC())),
                    new ExtractiveSummariser(), JSON);
            try (SummaryWorker worker = new SummaryWorker(llm, new SummaryCache(10_000),
                    s -> published.put(s.threadId() + "/" + s.contentHash(), s), 2, 5_000, Clock.systemUTC());
                 TopologyRun run = new TopologyRun(Corpus.maintainers(), 200,
                         new DeferredSummariser(new ExtractiveSummariser(), worker))) {
                Corpus.messages(Corpus.cgroups("cgroups-2024-03.mbox")).forEach(raw -> run.send("cgroups", raw));
                topics = new ArrayList<>(run.topics().values());
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (!topics.stream().allMatch(t -> published.containsKey(t.threadId() + "/" + t.summary().contentHash()))) {
                    assertThat(System.nanoTime()).as("model summaries still missing").isLessThan(deadline);
                    Thread.sleep(50);
                }
            }
        }
        List<ThreadSummarised> finals = topics.stream()
                .map(t -> published.get(t.threadId() + "/" + t.summary().contentHash())).toList();
        assertThat(topics).hasSizeGreaterThan(10).allSatisfy(t -> assertThat(t.summary().summariser()).isEqualTo(ExtractiveSummariser.NAME));
        assertThat(finals).allSatisfy(s -> {
            assertThat(s.summary().summariser()).isEqualTo("llm:scripted-test-model");
            assertThat(s.summary().problem().messageIds()).isNotEmpty();
            assertThat(s.summary().problem().textZh()).isNotBlank();
        });
        Files.createDirectories(Q1ReportTest.REPORTS);
        Files.write(Q1ReportTest.REPORTS.resolve("cgroups-2024-03-topics.json"), JSON.writeValueAsBytes(topics));
        Files.write(Q1ReportTest.REPORTS.resolve("cgroups-2024-03-summarised.json"), JSON.writeValueAsBytes(finals));
    }

    /** The scripted model: headline and problem from the first message's opening line, citing that message. */
    static String answer(String requestBody) {
        try {
            JsonNode request = JSON.readTree(requestBody);
            String prompt = request.path("messages").path(1).path("content").asText();
            Matcher m = MESSAGE.matcher(prompt);
            if (!m.find()) {
                return "{}";
            }
            String id = m.group(1);
            String opening = m.group(4).isBlank() ? "(no text)" : m.group(4).strip();
            String title = prompt.lines().filter(l -> l.startsWith("Title: ")).findFirst().orElse("Title: ?").substring(7);
            var answer = JSON.createObjectNode();
            field(answer, "headline", "讨论主题：" + title, "Thread: " + title, id);
            field(answer, "problem", "首封邮件（" + m.group(2).strip() + "）开头写道：" + opening, "The first message opens: " + opening, id);
            for (String empty : List.of("background", "trigger", "solution", "implementation", "caveats", "impactComponents",
                    "impactPerformance", "impactCompatibility", "impactUrgency", "keyPoints")) {
                field(answer, empty, "", "");
            }
            return JSON.writeValueAsString(answer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void field(com.fasterxml.jackson.databind.node.ObjectNode answer, String name, String zh, String en,
                              String... ids) {
        var f = answer.putObject(name);
        f.put("zh", zh).put("en", en);
        var array = f.putArray("messageIds");
        for (String id : ids) {
            array.add(id);
        }
    }
}
