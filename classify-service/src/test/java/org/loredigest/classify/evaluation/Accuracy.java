package org.loredigest.classify.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loredigest.classify.evaluation.LabelledSetTest.Labelled;
import org.loredigest.events.ThreadClassified;

/** Per-field agreement between hand labels and classifier output, with the most-frequent-label baseline. */
final class Accuracy {

    static final List<String> FIELDS = List.of("type", "severity", "security", "fixStatus");

    private final String name;
    private final List<Labelled> labels;
    private final Map<String, ThreadClassified> topics;

    /** @param name what the labelled threads are, for the heading ("cgroups 2024-01..03") */
    Accuracy(String name, List<Labelled> labels, Map<String, ThreadClassified> topics) {
        this.name = name;
        this.labels = labels;
        this.topics = topics;
    }

    static String expected(Labelled l, String field) {
        return switch (field) {
            case "type" -> l.type();
            case "severity" -> l.severity();
            case "security" -> l.security();
            case "fixStatus" -> l.fixStatus();
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** The classifier's label, or {@code (no topic)} when the thread was not published. */
    String actual(Labelled l, String field) {
        ThreadClassified t = topics.get(l.rootMessageId());
        return t == null ? "(no topic)" : TopicReport.label(t, field).value();
    }

    double exact(String field) {
        long hits = labels.stream().filter(l -> expected(l, field).equals(actual(l, field))).count();
        return (double) hits / labels.size();
    }

    /** Always answering the most frequent hand label. */
    String baselineLabel(String field) {
        Map<String, Integer> counts = new HashMap<>();
        labels.forEach(l -> counts.merge(expected(l, field), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    double baseline(String field) {
        String label = baselineLabel(field);
        return (double) labels.stream().filter(l -> expected(l, field).equals(label)).count() / labels.size();
    }

    double f1(String field, String positive) {
        return f1(field, positive, l -> actual(l, field));
    }

    double baselineF1(String field, String positive) {
        String label = baselineLabel(field);
        return f1(field, positive, l -> label);
    }

    private double f1(String field, String positive, java.util.function.Function<Labelled, String> predict) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Labelled l : labels) {
            boolean truth = expected(l, field).equals(positive);
            boolean said = predict.apply(l).equals(positive);
            tp += truth && said ? 1 : 0;
            fp += !truth && said ? 1 : 0;
            fn += truth && !said ? 1 : 0;
        }
        return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Classifier accuracy on ").append(labels.size()).append(" hand-labelled threads (").append(name).append(")\n\n");
        sb.append("| field | classifier | baseline (always the most frequent label) | target |\n|---|---|---|---|\n");
        row(sb, "type (exact)", exact("type"), baseline("type"), baselineLabel("type"), ">= 0.90");
        row(sb, "severity (exact)", exact("severity"), baseline("severity"), baselineLabel("severity"), ">= 0.85");
        row(sb, "security (exact)", exact("security"), baseline("security"), baselineLabel("security"), "");
        row(sb, "security F1 (yes)", f1("security", "yes"), baselineF1("security", "yes"), baselineLabel("security"),
                ">= 0.80");
        row(sb, "fix status (exact)", exact("fixStatus"), baseline("fixStatus"), baselineLabel("fixStatus"), ">= 0.85");
        sb.append("\n## Disagreements\n\n| thread | field | hand label | classifier |\n|---|---|---|---|\n");
        List<String> rows = new ArrayList<>();
        for (Labelled l : labels) {
            for (String field : FIELDS) {
                if (!expected(l, field).equals(actual(l, field))) {
                    rows.add("| " + l.subject().replace("|", "\\|") + " | " + field + " | " + expected(l, field) + " | "
                            + actual(l, field) + " |");
                }
            }
        }
        rows.forEach(r -> sb.append(r).append('\n'));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, double value, double baseline, String baselineLabel,
                            String target) {
        sb.append("| ").append(name).append(" | ").append(format(value)).append(" | ").append(format(baseline))
                .append(" (`").append(baselineLabel).append("`) | ").append(target).append(" |\n");
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
