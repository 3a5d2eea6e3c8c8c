package org.loredigest.classify.domain.thread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loredigest.classify.domain.TopicBuilder;
import org.loredigest.classify.domain.activity.ActivityTimeline;
import org.loredigest.classify.domain.activity.MaintainerRoles;
import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.classify.ThreadClassifier;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.series.SeriesPosting;
import org.loredigest.classify.domain.summary.Summariser;
import org.loredigest.events.ThreadClassified;

/**
 * Thread state transitions: the bucket is re-threaded and every topic whose messages changed since it was last
 * published gets a new draft; topics that vanished (their messages moved under a parent that arrived late, or under
 * a revision's cover letter) get a removal. Unchanged topics publish nothing, so re-delivery and replays publish
 * nothing new.
 */
public final class ThreadBook {

    private final ThreadClassifier classifier;
    private final Summariser summariser;
    private final MaintainerRoles maintainers;

    public ThreadBook(ThreadClassifier classifier, Summariser summariser) {
        this(classifier, summariser, MaintainerRoles.none());
    }

    public ThreadBook(ThreadClassifier classifier, Summariser summariser, MaintainerRoles maintainers) {
        this.classifier = classifier;
        this.summariser = summariser;
        this.maintainers = maintainers;
    }

    /** The new bucket state and the drafts to publish. */
    public record Update(Bucket bucket, List<TopicDraft> drafts) {
    }

    /**
     * Which bucket a message belongs to: its oldest reference, or its own key when it starts a thread (so a second
     * mail reusing a thread starter's Message-ID starts a thread of its own).
     */
    public static String bucketKey(ThreadMessage m) {
        return m.references().isEmpty() ? m.key() : m.references().get(0);
    }

    /** Publications taken over from a folded bucket, and what the titles they were sent to must drop. */
    public record Adoption(Map<String, Bucket.Published> published, List<TopicDraft> drafts) {
    }

    /**
     * Fingerprint of a thread id that two buckets published: it matches no thread, so the next {@link #republish}
     * publishes the thread again (or removes it, if it vanished) with a count above both.
     */
    static final String ADOPTED = "\u0000adopted";

    /**
     * The publications of a bucket that was folded into another one (its messages turned out to answer a message of
     * the target: they arrived first and only named their direct parent), taken over without publishing: the next
     * {@link #republish} removes the topics that vanished and carries on counting for those that remain. A thread id
     * both published (one by its real root, one as the root-missing rest of the folded bucket) may sit in the index
     * with either's record; it keeps the higher count and is published (or removed) afresh at the newer one's title,
     * and the older one's title, if another, drops it first.
     */
    public static Adoption adopt(Map<String, Bucket.Published> target, Map<String, Bucket.Published> absorbed) {
        Map<String, Bucket.Published> published = new HashMap<>(target);
        List<TopicDraft> drafts = new ArrayList<>();
        absorbed.forEach((threadId, theirs) -> {
            Bucket.Published mine = published.get(threadId);
            if (mine == null) {
                published.put(threadId, theirs);
                return;
            }
            long sequence = Math.max(mine.sequence(), theirs.sequence());
            Bucket.Published newer = theirs.sequence() > mine.sequence() ? theirs : mine;
            Bucket.Published older = newer == theirs ? mine : theirs;
            if (!older.fingerprint().isEmpty() && !older.titleKey().equals(newer.titleKey())) {
                drafts.add(TopicDraft.moved(threadId, older.titleKey(), sequence));
            }
            // the newer's title gets the next draft, or the removal if the thread vanished, from republish
            boolean live = !mine.fingerprint().isEmpty() || !theirs.fingerprint().isEmpty();
            published.put(threadId, new Bucket.Published(sequence, newer.titleKey(), live ? ADOPTED : ""));
        });
        return new Adoption(published, drafts);
    }

    /**
     * Re-threads a bucket and drafts every topic whose messages changed since it was last published, plus removals
     * for topics that vanished. Publishing is separate from adding so that several messages of one thread that arrive
     * close together are classified once.
     */
    public Update republish(Bucket bucket) {
        List<ThreadView> views = ThreadAssembler.assemble(bucket.messages());
        Map<String, Bucket.Published> published = new HashMap<>(bucket.published());
        List<TopicDraft> drafts = new ArrayList<>();
        Set<String> current = new HashSet<>();
        for (ThreadView view : views) {
            current.add(view.threadId());
            String fingerprint = String.join("\n", ThreadAssembler.ids(view));
            Bucket.Published before = published.get(view.threadId());
            if (before != null && before.fingerprint().equals(fingerprint)) {
                continue;
            }
            long sequence = before == null ? 1 : before.sequence() + 1;
            TopicDraft draft = draft(view, sequence);
            published.put(view.threadId(), new Bucket.Published(sequence, draft.titleKey(), fingerprint));
            if (before != null && !before.fingerprint().isEmpty() && !before.titleKey().equals(draft.titleKey())) {
                // otherwise the old title keeps a stale copy and may publish it again when its series changes
                drafts.add(draft.topic() ? TopicDraft.moved(view.threadId(), before.titleKey(), sequence)
                        : TopicDraft.removal(view.threadId(), before.titleKey(), sequence));
            }
            drafts.add(draft);
            drafts.addAll(pullEnrichments(view, sequence));
        }
        for (Map.Entry<String, Bucket.Published> e : bucket.published().entrySet()) {
            Bucket.Published p = e.getValue();
            if (!current.contains(e.getKey()) && !p.fingerprint().isEmpty()) {
                // keep the sequence so that a thread id coming back continues counting upwards
                published.put(e.getKey(), new Bucket.Published(p.sequence() + 1, p.titleKey(), ""));
                drafts.add(TopicDraft.removal(e.getKey(), p.titleKey(), p.sequence() + 1));
            }
        }
        return new Update(new Bucket(bucket.key(), bucket.messages(), published), drafts);
    }

    TopicDraft draft(ThreadView view, long sequence) {
        Classification labels = classifier.classify(view);
        ThreadClassified.Summary summary = summariser.summarise(view, labels);
        List<ThreadClassified.MessageActivity> activity = ActivityTimeline.of(view, labels.subsystems().values(),
                maintainers, appliedStatements(labels));
        ThreadClassified record = TopicBuilder.build(view, labels, summary, sequence, activity);
        ThreadMessage first = view.first();
        TopicDraft.Enrichment enrichment = enrichment(view);
        String titleKey = enrichment != null && first.aboutTitleKey() != null ? first.aboutTitleKey() : titleKey(view);
        SeriesPosting posting = enrichment == null ? SeriesPosting.of(view, record, titleKey) : null;
        return new TopicDraft(view.threadId(), titleKey, sequence, false, enrichment == null, record, enrichment, posting);
    }

    /** The thread's own messages that the fix-status rule read as "applied" statements. */
    private static Set<String> appliedStatements(Classification labels) {
        String status = labels.fixStatus().value();
        return "applied".equals(status) || "merged".equals(status)
                ? Set.copyOf(labels.fixStatus().evidence()) : Set.of();
    }

    /**
     * A pull request is evidence for every commit in its shortlog: {@code applied} (it is in the sender's tree), or
     * {@code merged} once pr-tracker-bot reports it merged into mainline. One enrichment per listed title, sent where
     * that title's patch threads meet.
     */
    static List<TopicDraft> pullEnrichments(ThreadView view, long sequence) {
        ThreadMessage first = view.first();
        if (view.rootMissing() || !"PULL_REQUEST".equals(first.kind()) || first.pullTitles().isEmpty()) {
            return List.of();
        }
        ThreadMessage merged = null;
        for (ThreadMessage m : view.messages()) {
            if ("PR_TRACKER_BOT".equals(m.bot()) && "MERGE_NOTICE".equals(m.botType())) {
                merged = m;
            }
        }
        TopicDraft.Enrichment enrichment = merged != null
                ? new TopicDraft.Enrichment("pull-request", merged.messageId(),
                        "in pull request '" + first.title() + "', merged into mainline", "merged")
                : new TopicDraft.Enrichment("pull-request", first.messageId(), "in pull request '" + first.title() + "'",
                        "applied");
        List<TopicDraft> out = new ArrayList<>();
        for (String title : first.pullTitles()) {
            out.add(new TopicDraft(view.threadId(), title, sequence, false, false, null, enrichment, null));
        }
        return out;
    }

    /** Non-topics: what they tell about the topic they belong to; {@code null} for a topic of its own. */
    static TopicDraft.Enrichment enrichment(ThreadView view) {
        ThreadMessage first = view.first();
        if (!view.rootMissing()) {
            switch (first.kind()) {
                case "STABLE_REVIEW":
                    // a stable review only carries commits that are in mainline
                    return new TopicDraft.Enrichment("stable-backport", first.messageId(), first.notice(), "merged");
                case "BACKPORT_FAILURE":
                    return new TopicDraft.Enrichment("stable-backport", first.messageId(), first.notice(), "merged");
                case "MM_COMMITS":
                    String status = first.notice() != null && first.notice().contains("merged") ? "merged"
                            : first.notice() != null && first.notice().startsWith("added to") ? "applied" : null;
                    return new TopicDraft.Enrichment("mm-commits", first.messageId(), first.notice(), status);
                default:
                    break;
            }
        }
        if (view.noiseOnly()) {
            return new TopicDraft.Enrichment("noise", first.messageId(), "list command or spam", null);
        }
        if (view.botsOnly() && !BotReports.bugReport(first)) {
            return new TopicDraft.Enrichment("bot-report", first.messageId(), first.bot() + " " + first.botType(), null);
        }
        return null;
    }

    /** Where revisions meet: the normalised title of the cover letter or first patch, else of the first message. */
    static String titleKey(ThreadView view) {
        for (ThreadMessage m : view.messages()) {
            if (m.coverLetter()) {
                return m.normalizedTitle();
            }
        }
        for (ThreadMessage m : view.messages()) {
            if (m.seriesMember() && m.patchPosting()) {
                return m.normalizedTitle();
            }
        }
        String key = view.first().normalizedTitle();
        return key == null || key.isBlank() ? view.threadId() : key;
    }
}
