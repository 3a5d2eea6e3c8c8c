package org.loredigest.report.digest;

import java.util.List;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.SummaryField;
import org.loredigest.report.digest.DigestTopic.Evidence;
import org.loredigest.report.digest.DigestTopic.Summary;

/** Turns the classified-thread read model into digest topics. */
public final class DigestTopics {

    private DigestTopics() {
    }

    public static DigestTopic from(ThreadClassified t) {
        String list = t.link() != null && t.link().list() != null ? t.link().list()
                : t.lists().isEmpty() ? "all" : t.lists().get(0);
        String fixStatus = value(t.fixStatus(), "none");
        List<String> fixEvidence = t.fixStatus() == null ? List.of() : t.fixStatus().evidenceMessageIds();
        ThreadClassified.Participant author = t.author();
        int humans = (int) t.participants().stream().filter(p -> !p.bot()).count();
        ThreadClassified.SeriesInfo series = t.series();
        List<String> revisions = series == null ? List.of()
                : series.predecessors().stream().map(ThreadClassified.RevisionLink::threadId).toList();
        return new DigestTopic(t.threadId(), list, t.title() == null || t.title().isBlank() ? t.subject() : t.title(),
                value(t.type(), "discussion"), value(t.severity(), "medium"), "yes".equals(value(t.security(), "no")),
                fixStatus, fixEvidence.isEmpty() ? null : fixEvidence.get(fixEvidence.size() - 1),
                t.subsystems() == null ? List.of() : t.subsystems().values(),
                author == null ? "" : display(author), author == null ? null : author.email(),
                t.firstActivity(), t.lastActivity(), t.messageCount(), Math.max(1, humans),
                series == null ? null : series.seriesKey(), series == null ? 1 : series.version(), revisions,
                summary(t.summary(), list));
    }

    private static Summary summary(ThreadClassified.Summary s, String list) {
        if (s == null) {
            return Summary.EMPTY;
        }
        return new Summary(ev(s.problem(), list), ev(s.background(), list), ev(s.trigger(), list), ev(s.solution(), list),
                ev(s.implementation(), list), ev(s.caveats(), list), ev(s.impactComponents(), list),
                ev(s.impactPerformance(), list), ev(s.impactCompatibility(), list), ev(s.impactUrgency(), list),
                ev(s.keyPoints(), list), s.summariser());
    }

    private static Evidence ev(SummaryField field, String list) {
        if (field == null || field.empty() || field.text() == null || field.text().isBlank()) {
            return Evidence.NONE;
        }
        String first = field.sourceMessageId();
        List<String> more = field.messageIds().stream().filter(id -> !id.equals(first))
                .map(id -> LoreLinks.message(list, id)).toList();
        return new Evidence(field.text(), first, first == null ? null : LoreLinks.message(list, first), field.textZh(), more);
    }

    private static String value(ThreadClassified.Label label, String fallback) {
        return label == null || label.value() == null ? fallback : label.value();
    }

    private static String display(ThreadClassified.Participant p) {
        return p.name() == null || p.name().isBlank() ? p.email() : p.name() + " <" + p.email() + ">";
    }
}
