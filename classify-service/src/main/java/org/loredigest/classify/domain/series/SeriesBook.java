package org.loredigest.classify.domain.series;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    /** What the series stage adds to a thread's own record: revision links, the raised fix status, related threads. */
    record Derived(ThreadClassified.SeriesInfo series, ThreadClassified.Label fixStatus,
                   List<ThreadClassified.RelatedThread> related) {
    }

    /**
     * Applies one draft and publishes at once: {@link #record} followed by {@link #publish}, the incoming draft read
     * as given.
     */
    public Update apply(SeriesState state, TopicDraft draft, Function<String, ThreadClassified> storedDraft) {
        Update recorded = record(state, draft);
        Update published = publish(recorded.state(),
                id -> id.equals(draft.threadId()) && draft.draft() != null ? draft.draft() : storedDraft.apply(id));
        List<Emission> emissions = new ArrayList<>(recorded.emissions());
        emissions.addAll(published.emissions());
        return new Update(published.state(), emissions);
    }

    /**
     * Takes one draft into the title's state without publishing the topics it changes: several drafts reaching a
     * title close together (the revisions of a series, published by thread state in one flush) then cost one
     * publication per topic instead of one per draft for every revision they relink. Only withdrawals go out at
     * once (a tombstone; a thread that moved to another title leaves without one). Reads and changes only the entry of
     * the draft's thread, so {@code state} need hold no other.
     */
    public Update record(SeriesState state, TopicDraft draft) {
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
            int draftFingerprint = draft.draft() == null ? 0 : withVersion(draft.draft(), 0).hashCode();
            entries.put(draft.threadId(), new SeriesState.Entry(slim(draft), published, fingerprint, draftFingerprint));
        }
        return new Update(new SeriesState(state.titleKey(), entries), emissions);
    }

    /**
     * Publishes every topic of the title whose record changed since it was last published (its own draft, or what
     * the other threads of the title lend it), with a version that only grows. The state keeps drafts {@link #slim}:
     * only what linking reads; a topic is published from its full draft, which {@code storedDraft} gives (kept apart
     * by the caller, keyed by thread id), so that a title with many revisions costs little to read and write.
     */
    public Update publish(SeriesState state, Function<String, ThreadClassified> storedDraft) {
        Map<String, SeriesState.Entry> entries = new HashMap<>(state.entries());
        List<Emission> emissions = new ArrayList<>();
        List<String> ids = new ArrayList<>(entries.keySet());
        ids.sort(Comparator.naturalOrder());
        for (String id : ids) {
            SeriesState.Entry e = entries.get(id);
            if (!e.draft().topic()) {
                continue;
            }
            Derived derived = derive(e.draft().draft(), entries);
            int fingerprint = 31 * e.draftFingerprint() + derived.hashCode();
            // a draft counted above what was published goes out even when unchanged: thread state re-drafts a thread id
            // that two buckets published (ThreadBook.adopt), and only a version above both settles which record stays
            if (fingerprint == e.fingerprint() && e.publishedVersion() > 0
                    && e.publishedVersion() >= e.draft().sequence() * VERSION_STEP) {
                continue;
            }
            ThreadClassified full = fullDraft(e, storedDraft);
            long version = Math.max(e.publishedVersion() + 1, e.draft().sequence() * VERSION_STEP);
            emissions.add(new Emission(id, withVersion(assemble(full, derived), version)));
            entries.put(id, new SeriesState.Entry(e.draft(), version, fingerprint, e.draftFingerprint()));
        }
        return new Update(new SeriesState(state.titleKey(), entries), emissions);
    }

    /** The draft as kept in series state: the record reduced to what {@link #derive} reads of other threads. */
    static TopicDraft slim(TopicDraft draft) {
        ThreadClassified d = draft.draft();
        if (d == null) {
            return new TopicDraft(draft.threadId(), draft.titleKey(), draft.sequence(), draft.removed(), draft.topic(),
                    null, draft.enrichment(), null);
        }
        ThreadClassified kept = new ThreadClassified(d.threadId(), d.version(), null, List.of(), List.of(), d.title(), null,
                d.rootMessageId(), d.rootMissing(), null, null, null, List.of(), 0, 0, d.firstActivity(), null, d.series(),
                null, null, null, d.fixStatus(), null, null, null, List.of(), List.of(), d.related(), List.of(), List.of());
        return new TopicDraft(draft.threadId(), draft.titleKey(), draft.sequence(), false, draft.topic(), kept,
                draft.enrichment(), null);
    }

    private static ThreadClassified fullDraft(SeriesState.Entry e, Function<String, ThreadClassified> storedDraft) {
        ThreadClassified full = storedDraft.apply(e.draft().threadId());
        if (full != null) {
            return full;
        }
        throw new IllegalStateException("series state holds thread " + e.draft().threadId() + " but not its draft");
    }

    /** Revision links, fix status and related threads of one topic, from the (slim) entries of its title. */
    private static Derived derive(ThreadClassified d, Map<String, SeriesState.Entry> entries) {
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
        return new Derived(series, fix, related);
    }

    private static ThreadClassified assemble(ThreadClassified d, Derived x) {
        return new ThreadClassified(d.threadId(), d.version(), d.updatedAt(), d.lists(), d.listIds(), d.title(), d.subject(),
                d.rootMessageId(), d.rootMissing(), d.rootKind(), d.link(), d.author(), d.participants(), d.messageCount(),
                d.botMessageCount(), d.firstActivity(), d.lastActivity(), x.series(), d.type(), d.severity(), d.security(),
                x.fixStatus(), d.subsystems(), d.summary(), d.changes(), d.trailers(), d.reviewers(), x.related(),
                d.botActivity(), d.activity());
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
                d.botActivity(), d.activity());
    }
}
