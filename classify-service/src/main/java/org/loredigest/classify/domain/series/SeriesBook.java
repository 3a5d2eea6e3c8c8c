package org.loredigest.classify.domain.series;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loredigest.classify.domain.thread.TopicDraft;
import org.loredigest.events.ThreadClassified;

/**
 * Where threads with the same normalised title meet: revisions of a series are linked to each other (older ones
 * become {@code superseded}), and stable reviews, failed backports and mm-commits notices lend their evidence
 * ({@code merged}, {@code applied}) to the newest revision. Publishes every topic whose record changed, with a
 * version that only grows.
 */
public final class SeriesBook {

    /** Versions leave room for re-publications between two drafts of the same thread. */
    static final long VERSION_STEP = 1000;

    private static final List<String> PRECEDENCE = List.of("none", "proposed", "reviewed", "applied", "superseded", "merged");

    /** A record to publish: {@code value == null} is a tombstone. */
    public record Emission(String threadId, ThreadClassified value) {
    }

    public record Update(SeriesState state, List<Emission> emissions) {
    }

    public Update apply(SeriesState state, TopicDraft draft) {
        Map<String, SeriesState.Entry> entries = new HashMap<>(state.entries());
        List<Emission> emissions = new ArrayList<>();
        SeriesState.Entry before = entries.get(draft.threadId());
        if (draft.removed()) {
            entries.remove(draft.threadId());
            if (before != null && before.draft().topic() && !draft.movedAway()) {
                emissions.add(new Emission(draft.threadId(), null));
            }
        } else {
            if (before != null && before.draft().topic() && before.publishedVersion() > 0 && !draft.topic()) {
                // a topic that turned out to be a notice or bot-only mail (its first arrivals looked human)
                emissions.add(new Emission(draft.threadId(), null));
            }
            long published = before == null ? 0 : before.publishedVersion();
            int fingerprint = before == null ? 0 : before.fingerprint();
            entries.put(draft.threadId(), new SeriesState.Entry(draft, published, fingerprint));
        }
        List<String> ids = new ArrayList<>(entries.keySet());
        ids.sort(Comparator.naturalOrder());
        for (String id : ids) {
            SeriesState.Entry e = entries.get(id);
            if (!e.draft().topic()) {
                continue;
            }
            ThreadClassified record = finish(e.draft(), entries);
            int fingerprint = withVersion(record, 0).hashCode();
            if (fingerprint == e.fingerprint() && e.publishedVersion() > 0) {
                continue;
            }
            long version = Math.max(e.publishedVersion() + 1, e.draft().sequence() * VERSION_STEP);
            emissions.add(new Emission(id, withVersion(record, version)));
            entries.put(id, new SeriesState.Entry(e.draft(), version, fingerprint));
        }
        return new Update(new SeriesState(state.titleKey(), entries), emissions);
    }

    private static ThreadClassified finish(TopicDraft draft, Map<String, SeriesState.Entry> entries) {
        ThreadClassified d = draft.draft();
        ThreadClassified.SeriesInfo series = d.series();
        ThreadClassified.Label fix = d.fixStatus();
        List<ThreadClassified.RelatedThread> related = new ArrayList<>(d.related());
        boolean newest = true;
        if (series != null) {
            List<ThreadClassified> revisions = new ArrayList<>();
            for (SeriesState.Entry e : entries.values()) {
                ThreadClassified other = e.draft().draft();
                if (e.draft().topic() && other.series() != null && other.series().seriesKey().equals(series.seriesKey())) {
                    revisions.add(other);
                }
            }
            revisions.sort(Comparator.comparingInt((ThreadClassified r) -> r.series().version())
                    .thenComparing(r -> r.series().rfc() ? 0 : 1)
                    .thenComparing(ThreadClassified::firstActivity)
                    .thenComparing(ThreadClassified::threadId));
            List<ThreadClassified.RevisionLink> before = new ArrayList<>();
            List<ThreadClassified.RevisionLink> after = new ArrayList<>();
            for (ThreadClassified r : revisions) {
                if (r.threadId().equals(d.threadId())) {
                    continue;
                }
                var link = new ThreadClassified.RevisionLink(r.threadId(), r.series().version(), r.series().rfc(), r.firstActivity());
                int order = compareRevisions(r.series(), series);
                if (order > 0) {
                    after.add(link);
                } else if (order < 0) {
                    before.add(link);
                } else {
                    // the same revision posted again (RESEND, or re-sent to the full list): related, not newer
                    related.add(new ThreadClassified.RelatedThread(r.threadId(), "same-revision", r.rootMessageId(),
                            "v" + r.series().version() + " posted again"));
                }
            }
            for (TopicDraft.Enrichment x : targeted(d.threadId(), entries)) {
                if (LineageBook.NEWER.equals(x.relation()) || LineageBook.OLDER.equals(x.relation())) {
                    var link = new ThreadClassified.RevisionLink(x.other(), x.otherVersion(), x.otherRfc(), x.otherPostedAt());
                    (LineageBook.NEWER.equals(x.relation()) ? after : before).add(link);
                }
            }
            Comparator<ThreadClassified.RevisionLink> order = Comparator.comparingInt(ThreadClassified.RevisionLink::version)
                    .thenComparing(r -> r.rfc() ? 0 : 1).thenComparing(ThreadClassified.RevisionLink::postedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(ThreadClassified.RevisionLink::threadId);
            before.sort(order);
            after.sort(order);
            newest = after.isEmpty();
            series = new ThreadClassified.SeriesInfo(series.seriesKey(), series.version(), series.rfc(), series.resend(),
                    series.coverMessageId(), series.expectedPatches(), series.patchCount(), series.missingParts(),
                    series.changeId(), series.baseCommit(), before, after);
            if (!after.isEmpty()) {
                ThreadClassified.RevisionLink next = after.get(0);
                TopicDraft.Enrichment retitled = targeted(d.threadId(), entries).stream()
                        .filter(x -> next.threadId().equals(x.other())).findFirst().orElse(null);
                fix = retitled != null
                        ? raise(fix, "superseded", "a newer revision exists: " + retitled.note(), retitled.messageId())
                        : raise(fix, "superseded", "a newer revision exists: v" + next.version() + " in thread "
                                + next.threadId(), next.threadId());
            }
        }
        for (TopicDraft.Enrichment x : targeted(d.threadId(), entries)) {
            related.add(new ThreadClassified.RelatedThread(x.other(), x.relation(), x.messageId(), x.note()));
            if (x.fixStatus() != null && !LineageBook.NEWER.equals(x.relation())) {
                fix = raise(fix, x.fixStatus(), x.relation() + ": " + x.note(), x.messageId());
            }
        }
        for (SeriesState.Entry e : entries.values()) {
            TopicDraft.Enrichment x = e.draft().enrichment();
            if (e.draft().topic() || x == null || x.target() != null) {
                continue;
            }
            related.add(new ThreadClassified.RelatedThread(e.draft().threadId(), x.relation(), x.messageId(), x.note()));
            if (x.fixStatus() != null && series != null && newest) {
                fix = raise(fix, x.fixStatus(), x.relation() + ": " + x.note(), x.messageId());
            }
        }
        related.sort(Comparator.comparing(ThreadClassified.RelatedThread::threadId));
        return new ThreadClassified(d.threadId(), d.version(), d.updatedAt(), d.lists(), d.listIds(), d.title(), d.subject(),
                d.rootMessageId(), d.rootMissing(), d.rootKind(), d.link(), d.author(), d.participants(), d.messageCount(),
                d.botMessageCount(), d.firstActivity(), d.lastActivity(), series, d.type(), d.severity(), d.security(), fix,
                d.subsystems(), d.summary(), d.changes(), d.trailers(), d.reviewers(), related, d.botActivity());
    }

    /** Links and evidence meant for this one thread (a retitled revision, a report closed elsewhere), in id order. */
    private static List<TopicDraft.Enrichment> targeted(String threadId, Map<String, SeriesState.Entry> entries) {
        List<String> ids = new ArrayList<>();
        for (SeriesState.Entry e : entries.values()) {
            TopicDraft.Enrichment x = e.draft().enrichment();
            if (!e.draft().topic() && x != null && threadId.equals(x.target())) {
                ids.add(e.draft().threadId());
            }
        }
        ids.sort(Comparator.naturalOrder());
        return ids.stream().map(id -> entries.get(id).draft().enrichment()).toList();
    }

    /** Newer revision: a higher version, or the same version no longer marked RFC. */
    static int compareRevisions(ThreadClassified.SeriesInfo a, ThreadClassified.SeriesInfo b) {
        if (a.version() != b.version()) {
            return Integer.compare(a.version(), b.version());
        }
        return Boolean.compare(!a.rfc(), !b.rfc());
    }

    /** The stronger of two statuses by the rubric's precedence (merged > superseded > applied > reviewed > ...). */
    static ThreadClassified.Label raise(ThreadClassified.Label current, String status, String signal, String evidence) {
        if (PRECEDENCE.indexOf(status) <= PRECEDENCE.indexOf(current.value())) {
            return current;
        }
        return new ThreadClassified.Label(status, List.of(signal), List.of(evidence));
    }

    static ThreadClassified withVersion(ThreadClassified d, long version) {
        return new ThreadClassified(d.threadId(), version, d.updatedAt(), d.lists(), d.listIds(), d.title(), d.subject(),
                d.rootMessageId(), d.rootMissing(), d.rootKind(), d.link(), d.author(), d.participants(), d.messageCount(),
                d.botMessageCount(), d.firstActivity(), d.lastActivity(), d.series(), d.type(), d.severity(), d.security(),
                d.fixStatus(), d.subsystems(), d.summary(), d.changes(), d.trailers(), d.reviewers(), d.related(),
                d.botActivity());
    }
}
