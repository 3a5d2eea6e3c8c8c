package org.loredigest.mail.series;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.loredigest.mail.ParsedMail;
import org.loredigest.mail.kind.MailKind;
import org.loredigest.mail.patch.FileChange;
import org.loredigest.mail.thread.MailThread;
import org.loredigest.mail.thread.Threader;
import org.loredigest.mail.thread.ThreadNode;
import org.loredigest.mail.trailer.Trailer;
import org.loredigest.mail.trailer.TrailerType;

/**
 * Builds series revisions from parsed mail: patches and cover letters are grouped into postings, and every reply
 * in the thread is attributed b4-style to the nearest patch above it — follow-up trailers on a patch apply to that
 * patch, on the cover letter to all patches.
 */
public final class SeriesAssembler {

    private SeriesAssembler() {
    }

    public static List<SeriesRevision> revisions(Collection<ParsedMail> mails) {
        return revisions(Threader.thread(mails));
    }

    public static List<SeriesRevision> revisions(List<MailThread> threads) {
        Map<RevisionKey, List<List<ParsedMail>>> groups = new LinkedHashMap<>();
        Map<String, MailThread> threadOf = new HashMap<>();
        for (MailThread thread : threads) {
            List<ParsedMail> members = thread.messages().stream().filter(ParsedMail::seriesMember).toList();
            for (ParsedMail m : members) {
                threadOf.put(m.messageId(), thread);
                boolean single = m.parsedSubject().total() <= 1 && !m.parsedSubject().countersExplicit();
                // single patches are their own posting; unthreaded series (format-patch files) group without a thread
                String threadKey = single ? m.messageId() : members.size() > 1 ? thread.rootId() : null;
                List<List<ParsedMail>> postings = groups.computeIfAbsent(RevisionKey.of(m, threadKey), k -> new ArrayList<>());
                addToPosting(postings, m);
            }
        }
        List<SeriesRevision> out = new ArrayList<>();
        for (List<List<ParsedMail>> postings : groups.values()) {
            for (List<ParsedMail> posting : postings) {
                out.add(build(posting, threadOf));
            }
        }
        out.sort(Comparator.comparing(SeriesRevision::postedAt).thenComparing(SeriesRevision::revisionId));
        return out;
    }

    /** A part seen twice starts a new posting (the same series sent twice, e.g. RESEND without the tag). */
    private static void addToPosting(List<List<ParsedMail>> postings, ParsedMail m) {
        int part = m.parsedSubject().part();
        for (List<ParsedMail> posting : postings) {
            if (posting.stream().noneMatch(p -> p.parsedSubject().part() == part)) {
                posting.add(m);
                return;
            }
        }
        List<ParsedMail> fresh = new ArrayList<>();
        fresh.add(m);
        postings.add(fresh);
    }

    private static SeriesRevision build(List<ParsedMail> posting, Map<String, MailThread> threadOf) {
        ParsedMail cover = null;
        TreeMap<Integer, ParsedMail> patches = new TreeMap<>();
        for (ParsedMail m : posting) {
            if (m.kind() == MailKind.COVER_LETTER && cover == null) {
                cover = m;
            } else if (m.kind() == MailKind.PATCH) {
                patches.putIfAbsent(m.parsedSubject().part(), m);
            }
        }
        ParsedMail head = cover != null ? cover : patches.isEmpty() ? posting.get(0) : patches.firstEntry().getValue();
        String author = head.fromEmail();
        int expected = head.parsedSubject().total();
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= expected; i++) {
            if (!patches.containsKey(i)) {
                missing.add(i);
            }
        }
        MailThread thread = threadOf.get(head.messageId());
        Attribution attribution = attribute(thread, cover, patches.values(), author);

        List<SeriesPatch> seriesPatches = new ArrayList<>();
        Set<String> allReviewers = new LinkedHashSet<>(attribution.inlineReviewers);
        int reviewed = 0;
        for (ParsedMail p : patches.values()) {
            List<Trailer> followUps = new ArrayList<>(attribution.coverTrailers);
            followUps.addAll(attribution.patchTrailers.getOrDefault(p.messageId(), List.of()));
            Set<String> reviewers = new LinkedHashSet<>();
            boolean nacked = false;
            for (Trailer t : concat(p.trailers(), followUps)) {
                if ((t.type() == TrailerType.REVIEWED_BY || t.type() == TrailerType.ACKED_BY || t.type() == TrailerType.TESTED_BY)
                        && !t.personEmail().isEmpty() && !t.personEmail().equals(author)) {
                    reviewers.add(t.personEmail());
                }
                nacked |= t.type() == TrailerType.NACKED_BY;
            }
            boolean hasReview = concat(p.trailers(), followUps).stream().anyMatch(t ->
                    (t.type() == TrailerType.REVIEWED_BY || t.type() == TrailerType.ACKED_BY) && !t.personEmail().equals(author));
            ReviewStatus status = nacked ? ReviewStatus.NACKED : hasReview ? ReviewStatus.REVIEWED
                    : attribution.repliedTo.contains(p.messageId()) || !attribution.coverReplies.isEmpty() ? ReviewStatus.DISCUSSED
                    : ReviewStatus.NEW;
            if (hasReview) {
                reviewed++;
            }
            allReviewers.addAll(reviewers);
            seriesPatches.add(new SeriesPatch(p.parsedSubject().part(), p.messageId(), p.parsedSubject().title(), p.patch().patchId(),
                    p.patch().files().stream().map(FileChange::path).toList(), p.patch().insertions(), p.patch().deletions(),
                    p.trailers(), List.copyOf(followUps), List.copyOf(reviewers), status));
        }
        ReviewStatus status;
        if (attribution.applied) {
            status = ReviewStatus.APPLIED;
        } else if (seriesPatches.stream().anyMatch(p -> p.status() == ReviewStatus.NACKED)) {
            status = ReviewStatus.NACKED;
        } else if (!seriesPatches.isEmpty() && reviewed == seriesPatches.size()) {
            status = ReviewStatus.REVIEWED;
        } else if (reviewed > 0) {
            status = ReviewStatus.PARTIALLY_REVIEWED;
        } else if (attribution.firstReply != null) {
            status = ReviewStatus.DISCUSSED;
        } else {
            status = ReviewStatus.NEW;
        }
        Instant posted = head.date();
        Duration toFirst = attribution.firstReply == null ? null : Duration.between(posted, attribution.firstReply);
        return new SeriesRevision(head.messageId(), head.parsedSubject().version(), head.parsedSubject().rfc(),
                head.parsedSubject().resend(), head.parsedSubject().title(), head.parsedSubject().normalizedTitle(),
                head.fromName(), author, cover == null ? null : cover.messageId(), expected,
                List.copyOf(seriesPatches), List.copyOf(missing), trailerValue(posting, TrailerType.CHANGE_ID),
                trailerValue(posting, TrailerType.BASE_COMMIT), posted, List.copyOf(attribution.coverTrailers),
                List.copyOf(allReviewers), List.copyOf(attribution.participants), attribution.replies, attribution.firstReply,
                toFirst, status, thread == null ? head.messageId() : thread.rootId());
    }

    /** What the replies in a revision's thread say, sorted to the patch (or cover letter) each one answers. */
    private static final class Attribution {
        final List<Trailer> coverTrailers = new ArrayList<>();
        final Map<String, List<Trailer>> patchTrailers = new HashMap<>();
        final Set<String> repliedTo = new LinkedHashSet<>();
        final List<String> coverReplies = new ArrayList<>();
        final Set<String> participants = new LinkedHashSet<>();
        final Set<String> inlineReviewers = new LinkedHashSet<>();
        Instant firstReply;
        int replies;
        boolean applied;
    }

    private static Attribution attribute(MailThread thread, ParsedMail cover, Collection<ParsedMail> patches, String author) {
        Attribution a = new Attribution();
        if (thread == null) {
            return a;
        }
        Set<String> patchIds = new LinkedHashSet<>();
        patches.forEach(p -> patchIds.add(p.messageId()));
        String coverId = cover == null ? null : cover.messageId();
        thread.root().walk(node -> {
            ParsedMail m = node.mail();
            if (m == null || m.seriesMember() || patchIds.contains(m.messageId())) {
                return;
            }
            ThreadNode target = node.realParent();
            while (target != null && !patchIds.contains(target.messageId()) && !target.messageId().equals(coverId)) {
                target = target.realParent();
            }
            if (target == null) {
                return;
            }
            a.replies++;
            boolean bot = m.bot() != null && m.kind() != MailKind.BOT_COMMAND;
            boolean byAuthor = m.fromEmail().equals(author);
            if (m.kind() == MailKind.APPLIED_NOTICE && !byAuthor
                    || bot && m.bot().type() == org.loredigest.mail.kind.BotMailType.MERGE_NOTICE) {
                a.applied = true;
            }
            if (!bot && !byAuthor) {
                a.participants.add(m.fromEmail());
                if (a.firstReply == null || m.date().isBefore(a.firstReply)) {
                    a.firstReply = m.date();
                }
                if (m.kind() == MailKind.REVIEW) {
                    a.inlineReviewers.add(m.fromEmail());
                }
            }
            List<Trailer> trailers = bot ? List.of() : m.trailers().stream().filter(Trailer::followUp).toList();
            if (target.messageId().equals(coverId)) {
                a.coverTrailers.addAll(trailers);
                if (!byAuthor && !bot) {
                    a.coverReplies.add(m.messageId());
                }
            } else {
                a.patchTrailers.computeIfAbsent(target.messageId(), k -> new ArrayList<>()).addAll(trailers);
                if (!byAuthor && !bot) {
                    a.repliedTo.add(target.messageId());
                }
            }
        });
        return a;
    }

    private static String trailerValue(List<ParsedMail> posting, TrailerType type) {
        for (ParsedMail m : posting) {
            for (Trailer t : m.trailers()) {
                if (t.type() == type) {
                    return type == TrailerType.BASE_COMMIT && !t.commit().isEmpty() ? t.commit() : t.value();
                }
            }
        }
        return "";
    }

    private static List<Trailer> concat(List<Trailer> a, List<Trailer> b) {
        List<Trailer> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
