package org.loredigest.classify.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Per-field agreement between hand labels and classifier output, with the most-frequent-label baseline. */
final class Accuracy {

    static final List<String> FIELDS = List.of("type", "severity", "security", "fixStatus");
    /** Fix statuses that claim a maintainer or mainline took the change: never without evidence. */
    static final Set<String> CLAIMS = Set.of("applied", "merged");

    private final String name;
    private final List<Labelled> labels;
    private final Map<String, Outcome> outcomes;

    /** @param name what the labelled threads are, for the heading ("cgroups 2024-01..03") */
    Accuracy(String name, List<Labelled> labels, Map<String, Outcome> outcomes) {
        this.name = name;
        this.labels = List.copyOf(labels);
        this.outcomes = outcomes;
    }

    String name() {
        return name;
    }

    int size() {
        return labels.size();
    }

    List<Labelled> labels() {
        return labels;
    }

    /** The classifier's label, or {@code (no topic)} when the thread was neither published nor found. */
    String actual(Labelled l, String field) {
        Outcome o = outcomes.get(l.rootMessageId());
        return o == null ? "(no topic)" : o.label(field).value();
    }

    List<Labelled> missing() {
        return labels.stream().filter(l -> !outcomes.containsKey(l.rootMessageId())).toList();
    }

    /** Threads labelled here that the topology did not publish, so the classifier was run on them directly. */
    long classifiedDirectly() {
        return labels.stream().filter(l -> outcomes.containsKey(l.rootMessageId()) && !outcomes.get(l.rootMessageId()).published())
                .count();
    }

    double exact(String field) {
        long hits = labels.stream().filter(l -> l.expected(field).equals(actual(l, field))).count();
        return labels.isEmpty() ? 1.0 : (double) hits / labels.size();
    }

    /** Always answering the most frequent hand label. */
    String baselineLabel(String field) {
        Map<String, Integer> counts = new HashMap<>();
        labels.forEach(l -> counts.merge(l.expected(field), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse("-");
    }

    double baseline(String field) {
        String label = baselineLabel(field);
        return labels.isEmpty() ? 0.0 : (double) labels.stream().filter(l -> l.expected(field).equals(label)).count() / labels.size();
    }

    /** true positives, false positives, false negatives of one label. */
    private int[] counts(String field, String positive, Function<Labelled, String> predict) {
        int[] c = new int[3];
        for (Labelled l : labels) {
            boolean truth = l.expected(field).equals(positive);
            boolean said = predict.apply(l).equals(positive);
            c[0] += truth && said ? 1 : 0;
            c[1] += !truth && said ? 1 : 0;
            c[2] += truth && !said ? 1 : 0;
        }
        return c;
    }

    /** Precision of a label; 1.0 when it was never predicted (nothing wrong was claimed). */
    double precision(String field, String positive) {
        int[] c = counts(field, positive, l -> actual(l, field));
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    /** Recall of a label; 1.0 when no thread has it. */
    double recall(String field, String positive) {
        int[] c = counts(field, positive, l -> actual(l, field));
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }

    /** F1 of a label; 1.0 when no thread has it and it was never predicted. */
    double f1(String field, String positive) {
        return f1(counts(field, positive, l -> actual(l, field)));
    }

    double baselineF1(String field, String positive) {
        String label = baselineLabel(field);
        return f1(counts(field, positive, l -> label));
    }

    private static double f1(int[] c) {
        if (c[0] + c[1] + c[2] == 0) {
            return 1.0;
        }
        return 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
    }

    /** Threads that have the label by hand. */
    long positives(String field, String positive) {
        return labels.stream().filter(l -> l.expected(field).equals(positive)).count();
    }

    /**
     * Of the threads the classifier calls {@code applied} or {@code merged}, the share the hand labels back: applied
     * needs a hand label applied or merged, merged needs merged. 1.0 when nothing was claimed.
     */
    double claimPrecision() {
        return claimChecks()[1] == 0 ? 1.0 : (double) claimChecks()[0] / claimChecks()[1];
    }

    private int[] claimChecks() {
        int[] c = new int[2];
        for (Labelled l : labels) {
            String said = actual(l, "fixStatus");
            if (CLAIMS.contains(said)) {
                c[1]++;
                boolean backed = "merged".equals(said) ? "merged".equals(l.fixStatus()) : CLAIMS.contains(l.fixStatus());
                c[0] += backed ? 1 : 0;
            }
        }
        return c;
    }

    List<String> unfoundedClaims() {
        List<String> out = new ArrayList<>();
        for (Labelled l : labels) {
            String said = actual(l, "fixStatus");
            boolean backed = "merged".equals(said) ? "merged".equals(l.fixStatus()) : CLAIMS.contains(l.fixStatus());
            if (CLAIMS.contains(said) && !backed) {
                out.add(l.rootMessageId() + " " + said + " (hand label " + l.fixStatus() + ")");
            }
        }
        return out;
    }

    /** The summary row of this set: exact type, severity, security F1 (P/R), fix status, applied/merged precision. */
    String row() {
        return "| " + name + " | " + labels.size() + " | " + format(exact("type")) + " | " + format(exact("severity"))
                + " | " + format(f1("security", "yes")) + " (P " + format(precision("security", "yes")) + ", R "
                + format(recall("security", "yes")) + ", " + positives("security", "yes") + " yes) | "
                + format(exact("fixStatus")) + " | " + format(claimPrecision()) + " (" + claimChecks()[1] + ") |";
    }

    static String header() {
        return "| set | threads | type | severity | security F1 | fix status | applied/merged precision (claims) |\n"
                + "|---|---|---|---|---|---|---|\n";
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Classifier accuracy on ").append(labels.size()).append(" hand-labelled threads (").append(name).append(")\n\n");
        if (classifiedDirectly() > 0) {
            sb.append(classifiedDirectly()).append(" of them are bot-only threads the topology does not publish; they were "
                    + "classified by ThreadClassifier directly.\n\n");
        }
        sb.append("| field | classifier | baseline (always the most frequent label) | target |\n|---|---|---|---|\n");
        row(sb, "type (exact)", exact("type"), baseline("type"), baselineLabel("type"), ">= 0.90");
        row(sb, "severity (exact)", exact("severity"), baseline("severity"), baselineLabel("severity"), ">= 0.85");
        row(sb, "security (exact)", exact("security"), baseline("security"), baselineLabel("security"), "");
        row(sb, "security F1 (yes)", f1("security", "yes"), baselineF1("security", "yes"), baselineLabel("security"),
                ">= 0.80");
        sb.append("| security precision / recall (yes) | ").append(format(precision("security", "yes"))).append(" / ")
                .append(format(recall("security", "yes"))).append(" | | |\n");
        row(sb, "fix status (exact)", exact("fixStatus"), baseline("fixStatus"), baselineLabel("fixStatus"), ">= 0.85");
        sb.append("| applied/merged precision | ").append(format(claimPrecision())).append(" (").append(claimChecks()[1])
                .append(" claims) | | 1.000 |\n");
        for (String field : FIELDS) {
            sb.append("\n").append(confusion(field));
        }
        sb.append("\n## Disagreements\n\n| thread | field | hand label | classifier |\n|---|---|---|---|\n");
        for (Labelled l : labels) {
            for (String field : FIELDS) {
                if (!l.expected(field).equals(actual(l, field))) {
                    sb.append("| ").append(l.subject().replace("|", "\\|")).append(" | ").append(field).append(" | ")
                            .append(l.expected(field)).append(" | ").append(actual(l, field)).append(" |\n");
                }
            }
        }
        return sb.toString();
    }

    /** Rows: hand label; columns: classifier label. */
    String confusion(String field) {
        Set<String> values = new TreeSet<>();
        for (Labelled l : labels) {
            values.add(l.expected(field));
            values.add(actual(l, field));
        }
        StringBuilder sb = new StringBuilder("### ").append(field).append(" (rows: hand label, columns: classifier)\n\n| |");
        values.forEach(v -> sb.append(' ').append(v).append(" |"));
        sb.append("\n|---|");
        values.forEach(v -> sb.append("---|"));
        sb.append('\n');
        for (String truth : values) {
            if (labels.stream().noneMatch(l -> l.expected(field).equals(truth))) {
                continue;
            }
            sb.append("| ").append(truth).append(" |");
            for (String said : values) {
                long n = labels.stream().filter(l -> l.expected(field).equals(truth) && actual(l, field).equals(said)).count();
                sb.append(' ').append(n == 0 ? "" : Long.toString(n)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, double value, double baseline, String baselineLabel,
                            String target) {
        sb.append("| ").append(name).append(" | ").append(format(value)).append(" | ").append(format(baseline))
                .append(" (`").append(baselineLabel).append("`) | ").append(target).append(" |\n");
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
