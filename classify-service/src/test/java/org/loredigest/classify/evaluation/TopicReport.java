package org.loredigest.classify.evaluation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.loredigest.events.ThreadClassified;

/** The per-topic label report as Markdown. */
final class TopicReport {

    private TopicReport() {
    }

    static String markdown(List<ThreadClassified> topics, int messages) {
        StringBuilder sb = new StringBuilder();
        sb.append("# cgroups 2024-01..03: topics and labels\n\n");
        sb.append(messages).append(" messages, ").append(topics.size()).append(" topics.\n\n");
        for (String field : List.of("type", "severity", "security", "fixStatus")) {
            Map<String, Integer> counts = new TreeMap<>();
            topics.forEach(t -> counts.merge(label(t, field).value(), 1, Integer::sum));
            sb.append("- ").append(field).append(": ").append(counts).append('\n');
        }
        sb.append("\n| # | first | topic | msgs | type | severity | security | fix status (evidence) | subsystems | revisions |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        int i = 1;
        for (ThreadClassified t : topics) {
            String revisions = t.series() == null ? "" : "v" + t.series().version()
                    + (t.series().predecessors().isEmpty() ? "" : " after " + t.series().predecessors().size())
                    + (t.series().successors().isEmpty() ? "" : " before " + t.series().successors().size());
            sb.append("| ").append(i++).append(" | ").append(t.firstActivity().toString(), 0, 10)
                    .append(" | [").append(escape(t.subject())).append("](").append(t.link().messageUrl()).append(") | ")
                    .append(t.messageCount()).append(" | ").append(t.type().value()).append(" | ")
                    .append(t.severity().value()).append(" | ").append(t.security().value()).append(" | ")
                    .append(t.fixStatus().value())
                    .append(t.fixStatus().value().matches("applied|merged|superseded")
                            ? " (" + String.join(", ", t.fixStatus().evidenceMessageIds()) + ")" : "")
                    .append(" | ").append(escape(String.join("; ", t.subsystems().values()))).append(" | ")
                    .append(revisions).append(" |\n");
        }
        return sb.toString();
    }

    static ThreadClassified.Label label(ThreadClassified t, String field) {
        return switch (field) {
            case "type" -> t.type();
            case "severity" -> t.severity();
            case "security" -> t.security();
            case "fixStatus" -> t.fixStatus();
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
