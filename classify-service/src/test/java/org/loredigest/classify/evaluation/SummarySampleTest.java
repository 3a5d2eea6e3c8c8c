package org.loredigest.classify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.summary.SummaryFields;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.classify.testing.TopologyRun;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.Summary;
import org.loredigest.events.ThreadClassified.SummaryField;

/**
 * The hand-checked sample behind docs/summaries.md: 45 topics of cgroups 2024-01..03 picked by the SHA-1 of their thread
 * id (a fixed, content-blind order), every filled analysis field written to
 * {@code target/reports/summary-sample.tsv} for a reader to judge whether it answers its field's question; the same
 * draw from the held-out months 2024-10..12 goes to {@code summary-sample-heldout.tsv}, and from 2024-04..06 to
 * {@code summary-sample-heldout-q2.tsv}, and from 2024-07..09 to {@code summary-sample-heldout-q3.tsv}; from
 * linux-security-module 2024 H2 the first 45 ({@code summary-sample-lsm.tsv}) and the next 45
 * ({@code summary-sample-lsm-2.tsv}).
 */
class SummarySampleTest {

    static final int SAMPLE_SIZE = 45;

    @Test
    void writesTheSample() throws Exception {
        write(Q1Topics.get(), "summary-sample.tsv");
    }

    /** The same draw from the held-out months, which the field rules were not tuned on. */
    @Test
    void writesTheHeldOutSample() throws Exception {
        write(CorpusTopics.of(CorpusTopics.Q4_2024).topics(), "summary-sample-heldout.tsv");
    }

    /** A second held-out draw, from 2024-04..06, judged once after the rules were last changed. */
    @Test
    void writesTheSecondHeldOutSample() throws Exception {
        assumeAllSamples();
        write(CorpusTopics.of(List.of("cgroups-2024-04.mbox", "cgroups-2024-05.mbox", "cgroups-2024-06.mbox")).topics(),
                "summary-sample-heldout-q2.tsv");
    }

    /** A third held-out draw, from 2024-07..09, judged once after the rules were last changed. */
    @Test
    void writesTheThirdHeldOutSample() throws Exception {
        assumeAllSamples();
        write(CorpusTopics.of(List.of("cgroups-2024-07.mbox", "cgroups-2024-08.mbox", "cgroups-2024-09.mbox")).topics(),
                "summary-sample-heldout-q3.tsv");
    }

    /** Another list altogether (linux-security-module, 2024 H2), judged once after the rules were last changed. */
    @Test
    void writesTheOtherListSample() throws Exception {
        assumeAllSamples();
        java.nio.file.Path mbox = Corpus.SHARED.resolve("corpus/lore-linux-security-module/linux-security-module-2024H2.mbox");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(mbox), "no linux-security-module corpus");
        try (TopologyRun run = new TopologyRun(Corpus.maintainers(), 200)) {
            Corpus.messages(mbox).forEach(raw -> run.send("linux-security-module", raw));
            List<ThreadClassified> topics = new ArrayList<>(run.topics().values());
            write(topics, 0, "summary-sample-lsm.tsv");
            write(topics, SAMPLE_SIZE, "summary-sample-lsm-2.tsv");
        }
    }

    /** The extra draws cost a topology run each: run them with {@code -Dlore.summary.all-samples=true}. */
    private static void assumeAllSamples() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("lore.summary.all-samples"),
                "set -Dlore.summary.all-samples=true to write the extra samples");
    }

    private static void write(List<ThreadClassified> topics, String file) throws Exception {
        write(topics, 0, file);
    }

    /** The {@code SAMPLE_SIZE} topics after the first {@code skip} in SHA-1 order of their thread ids. */
    private static void write(List<ThreadClassified> topics, int skip, String file) throws Exception {
        List<ThreadClassified> sample = new ArrayList<>(topics);
        sample.sort(Comparator.comparing(t -> sha1(t.threadId())));
        sample = sample.subList(Math.min(skip, sample.size()), Math.min(skip + SAMPLE_SIZE, sample.size()));
        assertThat(sample.size()).isGreaterThanOrEqualTo(40);

        StringBuilder tsv = new StringBuilder("topic\tthread_id\tfield\tsource\ttext\n");
        for (int i = 0; i < sample.size(); i++) {
            ThreadClassified t = sample.get(i);
            for (Map.Entry<String, SummaryField> f : fields(t.summary()).entrySet()) {
                SummaryField v = f.getValue();
                if (v != null && !v.empty()) {
                    tsv.append("T").append(skip + i + 1).append('\t').append(t.threadId()).append('\t').append(f.getKey())
                            .append('\t').append(v.source()).append('\t').append(flat(v.text())).append('\n');
                }
            }
        }
        Files.createDirectories(Q1ReportTest.REPORTS);
        Files.writeString(Q1ReportTest.REPORTS.resolve(file), tsv.toString());
    }

    /** The fields a sample judges: every analysis field, the headline left out. */
    static Map<String, SummaryField> fields(Summary s) {
        Map<String, SummaryField> m = new LinkedHashMap<>(SummaryFields.of(s));
        m.remove("headline");
        return m;
    }

    private static String flat(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ");
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
