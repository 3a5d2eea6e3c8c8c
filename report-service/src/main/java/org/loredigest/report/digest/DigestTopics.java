package org.loredigest.report.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.SummaryField;
import org.loredigest.report.digest.DigestTopic.Evidence;
import org.loredigest.report.digest.DigestTopic.Summary;

/** Turns the classified-thread read model into digest topics. */
public final class DigestTopics {

    /** Evidence links shown per label; a long thread's subsystem evidence can name dozens of patches. */
    static final int MAX_EVIDENCE_LINKS = 8;

    private DigestTopics() {
    }

    /**
     * The topics of a period, each marked with the topic it continues when its first mail answers a mail of another
     * of them ({@link ReplyStitching}).
     */
    public static List<DigestTopic> from(Collection<ThreadClassified> topics, Instant start, Instant end,
                                         Map<String, Instant> evidenceDates) {
        Map<String, String> continued = ReplyStitching.continued(topics);
        return topics.stream().map(t -> {
            DigestTopic topic = from(t, start, end, evidenceDates);
            String other = continued.get(t.threadId());
            return other == null ? topic : topic.continuing(other);
        }).toList();
    }

    /** The topic with its whole thread as activity (records outside any period, tests). */
    public static DigestTopic from(ThreadClassified t) {
        return from(t, Instant.EPOCH, Instant.MAX, Map.of());
    }

    /**
     * The topic as a digest of the period {@code [start, end)} shows it.
     *
     * @param evidenceDates when messages of other threads that prove its fix status were written
     */
    public static DigestTopic from(ThreadClassified t, Instant start, Instant end, Map<String, Instant> evidenceDates) {
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
                summary(t.summary(), list), PeriodActivities.of(t, list, start, end, evidenceDates), null,
                regression(t), t.trailers().stream().anyMatch(r -> "Cc: stable".equals(r.type())), t.reviewers().size(),
                author != null && author.bot() ? display(author) : null, fixedBy(t, list), List.of(), null,
                reasons(t, list));
    }

    /** Reasons of every label, in the order the digest shows the labels. */
    private static List<DigestTopic.LabelReason> reasons(ThreadClassified t, String list) {
        List<DigestTopic.LabelReason> out = new ArrayList<>();
        reason(out, "type", t.type(), list);
        reason(out, "severity", t.severity(), list);
        reason(out, "securityRelated", t.security(), list);
        reason(out, "fixStatus", t.fixStatus(), list);
        if (t.subsystems() != null && !t.subsystems().signals().isEmpty()) {
            out.add(new DigestTopic.LabelReason("subsystem", String.join("; ", t.subsystems().values()),
                    t.subsystems().signals(), urls(t.subsystems().evidenceMessageIds(), list)));
        }
        return out;
    }

    private static void reason(List<DigestTopic.LabelReason> out, String key, ThreadClassified.Label label, String list) {
        if (label != null && label.value() != null && !label.signals().isEmpty()) {
            out.add(new DigestTopic.LabelReason(key, label.value(), label.signals(), urls(label.evidenceMessageIds(), list)));
        }
    }

    private static List<String> urls(List<String> messageIds, String list) {
        return messageIds.stream().distinct().limit(MAX_EVIDENCE_LINKS).map(id -> LoreLinks.message(list, id)).toList();
    }

    private static boolean regression(ThreadClassified t) {
        String title = t.title() == null ? "" : t.title().toLowerCase(Locale.ROOT);
        return title.contains("regression") || mentions(t.severity(), "regression") || mentions(t.type(), "regression");
    }

    private static boolean mentions(ThreadClassified.Label label, String word) {
        return label != null && label.signals().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(word));
    }

    private static List<DigestTopic.Link> fixedBy(ThreadClassified t, String list) {
        return t.related().stream().filter(r -> "fixed-by".equals(r.relation()))
                .map(r -> new DigestTopic.Link(r.threadId(), r.note(), r.relation(), LoreLinks.message(list, r.messageId()), null))
                .toList();
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
