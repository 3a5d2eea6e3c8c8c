package org.loredigest.classify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.events.ThreadClassified;

/**
 * Per-topic labels for every thread of cgroups-2024-01..03, written to
 * {@code target/reports/cgroups-2024-q1-topics.md} and {@code .json}; checks that no topic is bot-only and that
 * revisions of a series are linked, never separate unrelated topics.
 */
class Q1ReportTest {

    static final Path REPORTS = Path.of("target", "reports");

    @Test
    void writesTheReportAndKeepsNoiseAndRevisionsInPlace() throws Exception {
        List<ThreadClassified> topics = Q1Topics.get();
        assertThat(topics).hasSizeGreaterThan(60);

        assertThat(topics).as("topics whose only authors are bots")
                .noneMatch(t -> t.participants().stream().allMatch(ThreadClassified.Participant::bot));

        Map<String, List<ThreadClassified>> bySeries = new HashMap<>();
        topics.stream().filter(t -> t.series() != null)
                .forEach(t -> bySeries.computeIfAbsent(t.series().seriesKey(), k -> new java.util.ArrayList<>()).add(t));
        bySeries.values().stream().filter(revisions -> revisions.size() > 1).forEach(revisions -> {
            java.util.Set<String> ids = new java.util.HashSet<>(revisions.stream().map(ThreadClassified::threadId).toList());
            for (ThreadClassified r : revisions) {
                long samePosting = r.related().stream().filter(x -> x.relation().equals("same-revision")).count();
                // revisions under another title are linked too; here only those under the same title are counted
                long linked = java.util.stream.Stream.concat(r.series().predecessors().stream(), r.series().successors().stream())
                        .filter(l -> ids.contains(l.threadId())).count();
                assertThat(linked + samePosting)
                        .as("revision links of %s", r.threadId()).isEqualTo(revisions.size() - 1);
            }
        });
        assertThat(topics).as("applied or merged without evidence").allSatisfy(t -> {
            if (t.fixStatus().value().equals("applied") || t.fixStatus().value().equals("merged")) {
                assertThat(t.fixStatus().evidenceMessageIds()).isNotEmpty();
            }
        });

        Files.createDirectories(REPORTS);
        Files.write(REPORTS.resolve("cgroups-2024-q1-topics.json"),
                EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(topics));
        Files.writeString(REPORTS.resolve("cgroups-2024-q1-topics.md"), TopicReport.markdown(topics, Q1Topics.messages()));
    }
}
