package org.loredigest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadSummarised;
import org.loredigest.report.digest.Digest;
import org.loredigest.report.digest.DigestAssembler;
import org.loredigest.report.digest.DigestFormat;
import org.loredigest.report.digest.DigestLanguage;
import org.loredigest.report.digest.DigestRenderer;
import org.loredigest.report.digest.DigestTopics;
import org.loredigest.report.elasticsearch.SummaryOverlayAccess;

/**
 * The digest of cgroups 2024-03 in both modes, from the topics and model summaries that classify-service's
 * {@code CorpusMonthSummariesTest} wrote (skipped when that module has not run): extractive only, and with the model
 * summaries laid over. Renderings go to {@code target/digest-samples/cgroups-2024-03-*}.
 */
class CorpusMonthDigestTest {

    static final Path REPORTS = Path.of(System.getProperty("lore.classify.reports", "../classify-service/target/reports"));

    @Test
    void rendersTheMonthWithAndWithoutTheModel() throws Exception {
        Path topicsFile = REPORTS.resolve("cgroups-2024-03-topics.json");
        Path summariesFile = REPORTS.resolve("cgroups-2024-03-summarised.json");
        assumeTrue(Files.isRegularFile(topicsFile) && Files.isRegularFile(summariesFile),
                "run classify-service's CorpusMonthSummariesTest first");
        var json = EventJson.mapper();
        List<ThreadClassified> topics = json.readValue(topicsFile.toFile(), new TypeReference<>() { });
        Map<String, ThreadSummarised> answers = json.<List<ThreadSummarised>>readValue(summariesFile.toFile(),
                new TypeReference<>() { }).stream().collect(Collectors.toMap(ThreadSummarised::threadId, Function.identity()));
        List<ThreadClassified> withModel = topics.stream()
                .map(t -> answers.containsKey(t.threadId()) ? SummaryOverlayAccess.overlay(t, answers.get(t.threadId())) : t)
                .toList();

        DigestRenderer renderer = new DigestRenderer(json);
        Path out = Path.of("target", "digest-samples");
        Files.createDirectories(out);
        for (var mode : Map.of("extractive", topics, "llm", withModel).entrySet()) {
            Digest digest = new DigestAssembler().assemble(List.of("cgroups"), LocalDate.parse("2024-03-01"),
                    LocalDate.parse("2024-03-31"), mode.getValue().stream().map(DigestTopics::from).toList(), List.of(),
                    Instant.parse("2024-04-01T00:00:00Z"));
            for (DigestLanguage language : DigestLanguage.values()) {
                for (DigestFormat format : List.of(DigestFormat.MD, DigestFormat.HTML)) {
                    String text = renderer.render(digest, format, language);
                    Files.writeString(out.resolve("cgroups-2024-03-" + mode.getKey() + "." + language.code() + "."
                            + format.name().toLowerCase(java.util.Locale.ROOT)), text);
                    if (language == DigestLanguage.ZH) {
                        assertThat(text).contains(mode.getKey().equals("llm") ? "模型归纳" : "邮件原文摘录");
                    }
                }
            }
        }
        assertThat(withModel).allSatisfy(t -> assertThat(t.summary().summariser()).startsWith("llm:"));
    }
}
