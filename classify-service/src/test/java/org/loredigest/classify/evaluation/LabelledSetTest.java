package org.loredigest.classify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.events.EventJson;
import org.loredigest.events.ThreadClassified;

/**
 * Accuracy of the classifier against threads labelled by hand from the mail text by the rubric (reasoning in
 * docs/classification-labels.md), per source and split, beside the trivial baseline:
 * <ul>
 *   <li>cgroups 2024-01..03 ({@code labelled/cgroups-2024-q1.json}): the threads the rules were first written
 *       against; all dev.</li>
 *   <li>cgroups 2024-10..12 ({@code labelled/heldout-cgroups-2024-q4.json}): all held out.</li>
 *   <li>linux-security-module 2024-07..12 ({@code labelled/lsm-2024h2.json}) and syzbot / kernel test robot bug
 *       reports of the whole corpus ({@code labelled/bot-reports.json}): split into dev and held out by
 *       {@link Labelled#heldOut()}, fixed before any rule was tuned on them.</li>
 * </ul>
 * Rules may be tuned on dev threads only. Dev and the whole held-out part must meet the targets; each source's
 * held-out part must stay above its floor. Writes {@code target/reports/*-accuracy.md}.
 */
class LabelledSetTest {

    static final String LSM_LIST = "linux-security-module";

    /** Accuracy per set, in report order. */
    static final Map<String, Accuracy> SETS = new LinkedHashMap<>();
    static Accuracy dev;
    static Accuracy heldOut;
    static List<Labelled> q1;
    static List<CorpusTopics> runs = new ArrayList<>();

    @BeforeAll
    static void classify() {
        if (!SETS.isEmpty()) {
            return;
        }
        q1 = Labelled.load("/labelled/cgroups-2024-q1.json");
        List<Labelled> q4 = Labelled.load("/labelled/heldout-cgroups-2024-q4.json");
        List<Labelled> lsm = Labelled.load("/labelled/lsm-2024h2.json");
        List<Labelled> bots = Labelled.load("/labelled/bot-reports.json");

        CorpusTopics q1Run = CorpusTopics.of(CorpusTopics.Q1_2024);
        CorpusTopics q4Run = CorpusTopics.of(CorpusTopics.Q4_2024);
        CorpusTopics lsmRun = CorpusTopics.of(new CorpusTopics.Feed(LSM_LIST, List.of(Corpus.securityModule())));
        // the cgroups files holding bot reports, fed together as one backlog of the list
        Set<String> botFiles = new TreeSet<>();
        bots.stream().map(Labelled::mbox).filter(f -> f.startsWith("cgroups-")).forEach(botFiles::add);
        CorpusTopics botRun = CorpusTopics.of(botFiles.stream().toList());
        runs = List.of(q1Run, q4Run, lsmRun, botRun);

        Map<String, Outcome> outcomes = new HashMap<>();
        outcomes.putAll(q1Run.outcomes(ids(q1)));
        outcomes.putAll(q4Run.outcomes(ids(q4)));
        outcomes.putAll(lsmRun.outcomes(ids(lsm)));
        outcomes.putAll(lsmRun.outcomes(ids(bots.stream().filter(b -> !b.mbox().startsWith("cgroups-")).toList())));
        outcomes.putAll(botRun.outcomes(ids(bots.stream().filter(b -> b.mbox().startsWith("cgroups-")).toList())));

        add("cgroups 2024-01..03 (dev)", q1, outcomes);
        add("linux-security-module (dev)", filter(lsm, l -> !l.heldOut()), outcomes);
        add("bot reports (dev)", filter(bots, l -> !l.heldOut()), outcomes);
        add("cgroups 2024-10..12 (held out)", q4, outcomes);
        add("linux-security-module (held out)", filter(lsm, Labelled::heldOut), outcomes);
        add("bot reports (held out)", filter(bots, Labelled::heldOut), outcomes);
        List<Labelled> allDev = new ArrayList<>(q1);
        allDev.addAll(filter(lsm, l -> !l.heldOut()));
        allDev.addAll(filter(bots, l -> !l.heldOut()));
        List<Labelled> allHeldOut = new ArrayList<>(q4);
        allHeldOut.addAll(filter(lsm, Labelled::heldOut));
        allHeldOut.addAll(filter(bots, Labelled::heldOut));
        dev = add("dev, all sources", allDev, outcomes);
        heldOut = add("held out, all sources", allHeldOut, outcomes);
    }

    private static Accuracy add(String name, List<Labelled> labels, Map<String, Outcome> outcomes) {
        Accuracy a = new Accuracy(name, labels, outcomes);
        SETS.put(name, a);
        return a;
    }

    private static List<Labelled> filter(List<Labelled> labels, Predicate<Labelled> keep) {
        return labels.stream().filter(keep).toList();
    }

    private static List<String> ids(List<Labelled> labels) {
        return labels.stream().map(Labelled::rootMessageId).toList();
    }

    @Test
    void theLabelledSetsAreLargeEnoughDistinctAndEveryLabelledThreadIsClassified() {
        assertThat(q1).hasSizeGreaterThanOrEqualTo(60);
        assertThat(SETS.get("linux-security-module (dev)").size() + SETS.get("linux-security-module (held out)").size())
                .isGreaterThanOrEqualTo(40);
        List<String> all = new ArrayList<>();
        SETS.values().stream().filter(a -> !a.name().contains("all sources"))
                .forEach(a -> all.addAll(a.missing().stream().map(Labelled::rootMessageId).toList()));
        assertThat(all).as("labelled threads the classifier produced no labels for").isEmpty();
        List<String> ids = new ArrayList<>(ids(dev.labels()));
        ids.addAll(ids(heldOut.labels()));
        assertThat(ids).as("a thread is labelled once").doesNotHaveDuplicates();
        // every human thread of the cgroups sets is a published topic, not a fallback
        assertThat(SETS.get("cgroups 2024-01..03 (dev)").classifiedDirectly()).isZero();
    }

    @Test
    void devMeetsTheTargets() throws IOException {
        writeReports();
        for (Accuracy a : List.of(dev, SETS.get("cgroups 2024-01..03 (dev)"), SETS.get("linux-security-module (dev)"),
                SETS.get("bot reports (dev)"))) {
            assertThat(a.exact("type")).as("%s: type", a.name()).isGreaterThanOrEqualTo(0.90);
            assertThat(a.exact("severity")).as("%s: severity", a.name()).isGreaterThanOrEqualTo(0.85);
            assertThat(a.exact("fixStatus")).as("%s: fix status", a.name()).isGreaterThanOrEqualTo(0.85);
            assertThat(a.claimPrecision()).as("%s: applied/merged precision %s", a.name(), a.unfoundedClaims()).isEqualTo(1.0);
        }
        assertThat(dev.f1("security", "yes")).as("dev security F1").isGreaterThanOrEqualTo(0.80);
        assertThat(dev.precision("security", "yes")).as("dev security precision").isGreaterThanOrEqualTo(0.80);
        assertThat(dev.recall("security", "yes")).as("dev security recall").isGreaterThanOrEqualTo(0.80);
    }

    /**
     * The held-out part, all sources together, meets the same targets as dev; each source's held-out part stays above
     * a floor set a little below what the rules reached on it when they were last changed (docs/classification.md),
     * so that a change that loses ground on unseen mail fails here even when dev still passes.
     */
    @Test
    void heldOutMeetsTheTargetsAndEachSourceStaysAboveItsFloor() throws IOException {
        writeReports();
        assertThat(heldOut.exact("type")).as("held out: type").isGreaterThanOrEqualTo(0.90);
        assertThat(heldOut.exact("severity")).as("held out: severity").isGreaterThanOrEqualTo(0.85);
        assertThat(heldOut.exact("fixStatus")).as("held out: fix status").isGreaterThanOrEqualTo(0.85);
        assertThat(heldOut.f1("security", "yes")).as("held out: security F1").isGreaterThanOrEqualTo(0.80);
        assertThat(heldOut.precision("security", "yes")).as("held out: security precision").isGreaterThanOrEqualTo(0.80);
        assertThat(heldOut.recall("security", "yes")).as("held out: security recall").isGreaterThanOrEqualTo(0.80);
        floor("cgroups 2024-10..12 (held out)", 0.94, 0.82, 0.80);
        floor("linux-security-module (held out)", 0.75, 0.75, 0.75);
        floor("bot reports (held out)", 0.95, 0.90, 0.90);
        for (Accuracy a : SETS.values()) {
            assertThat(a.claimPrecision()).as("%s: applied/merged precision %s", a.name(), a.unfoundedClaims()).isEqualTo(1.0);
        }
    }

    private static void floor(String set, double type, double severity, double fixStatus) {
        Accuracy a = SETS.get(set);
        assertThat(a.exact("type")).as("%s: type", set).isGreaterThanOrEqualTo(type);
        assertThat(a.exact("severity")).as("%s: severity", set).isGreaterThanOrEqualTo(severity);
        assertThat(a.exact("fixStatus")).as("%s: fix status", set).isGreaterThanOrEqualTo(fixStatus);
        assertThat(a.precision("security", "yes")).as("%s: security precision", set).isGreaterThanOrEqualTo(0.80);
        assertThat(a.recall("security", "yes")).as("%s: security recall", set).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void neverAppliedOrMergedWithoutEvidence() {
        for (CorpusTopics run : runs) {
            for (ThreadClassified t : run.topics()) {
                if (Accuracy.CLAIMS.contains(t.fixStatus().value())) {
                    assertThat(t.fixStatus().evidenceMessageIds()).as("evidence for %s of %s", t.fixStatus().value(), t.threadId())
                            .isNotEmpty()
                            .allSatisfy(id -> assertThat(run.messageIds()).as("evidence is a message of the corpus").contains(id));
                    assertThat(t.fixStatus().signals()).isNotEmpty();
                }
            }
        }
    }

    @Test
    void everyLabelCarriesSignalsAndEvidence() {
        for (CorpusTopics run : runs) {
            for (ThreadClassified t : run.topics()) {
                for (String field : Accuracy.FIELDS) {
                    ThreadClassified.Label label = TopicReport.label(t, field);
                    assertThat(label.signals()).as("%s signals of %s", field, t.threadId()).isNotEmpty();
                    assertThat(label.evidenceMessageIds()).as("%s evidence of %s", field, t.threadId()).isNotEmpty();
                }
            }
        }
    }

    private static synchronized void writeReports() throws IOException {
        Files.createDirectories(Q1ReportTest.REPORTS);
        StringBuilder summary = new StringBuilder("# Classifier accuracy per source and split\n\n").append(Accuracy.header());
        for (Accuracy a : SETS.values()) {
            summary.append(a.row()).append('\n');
        }
        System.out.println(summary);
        Files.writeString(Q1ReportTest.REPORTS.resolve("accuracy-by-source.md"), summary.toString());
        Files.writeString(Q1ReportTest.REPORTS.resolve("labelled-accuracy.md"), SETS.get("cgroups 2024-01..03 (dev)").markdown());
        Files.writeString(Q1ReportTest.REPORTS.resolve("heldout-accuracy.md"), SETS.get("cgroups 2024-10..12 (held out)").markdown());
        Files.writeString(Q1ReportTest.REPORTS.resolve("lsm-dev-accuracy.md"), SETS.get("linux-security-module (dev)").markdown());
        Files.writeString(Q1ReportTest.REPORTS.resolve("lsm-heldout-accuracy.md"), SETS.get("linux-security-module (held out)").markdown());
        Files.writeString(Q1ReportTest.REPORTS.resolve("bots-dev-accuracy.md"), SETS.get("bot reports (dev)").markdown());
        Files.writeString(Q1ReportTest.REPORTS.resolve("bots-heldout-accuracy.md"), SETS.get("bot reports (held out)").markdown());
        Files.writeString(Q1ReportTest.REPORTS.resolve("dev-accuracy.md"), dev.markdown());
        Files.writeString(Q1ReportTest.REPORTS.resolve("all-heldout-accuracy.md"), heldOut.markdown());
        List<String> names = List.of("cgroups-2024-q1", "cgroups-2024-q4", "lsm-2024h2", "bot-report-months");
        for (int i = 0; i < runs.size(); i++) {
            Files.write(Q1ReportTest.REPORTS.resolve(names.get(i) + "-topics.json"),
                    EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(runs.get(i).topics()));
        }
    }
}
