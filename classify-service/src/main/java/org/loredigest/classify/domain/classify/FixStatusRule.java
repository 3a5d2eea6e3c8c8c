package org.loredigest.classify.domain.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.Alternation;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.mail.trailer.Trailer;
import org.loredigest.mail.trailer.TrailerType;

/**
 * fix status from the evidence inside one thread: none, proposed, reviewed, applied or merged. "superseded" and
 * evidence from other threads (stable reviews, mm-commits) are added where revisions meet (see the series package).
 * applied and merged are never given without the message that says so.
 */
final class FixStatusRule {

    /** Asking syzbot to test a fix branch, or naming the commit that fixes the report. */
    private static final Pattern SYZ_FIX = Pattern.compile("(?m)^#syz (?:fix:\\s*\\S.*|test:\\s*\\S+://\\S+.*)$");
    /** The author saying a newer revision went out: past tense only ("I'll send a v2" is a promise). */
    private static final Pattern SENT_NEWER = Pattern.compile(
            "(?i)\\b(?:i |we )?(?:have |'ve )?(?:ended up sending|sent(?: out)?|posted|resent)\\s+(?:a |the |an )?"
                    + "(?:v\\d+|new version|newer version|next version|updated version|new revision)\\b(?! (?:soon|later|tomorrow))");
    private static final Pattern DROPPED = Pattern.compile(
            "(?i)\\b(?:dropped|i'll drop|i will drop|drop(?:ping)? (?:it|this|the series|the patch|these)|removed (?:it )?from (?:mm|the tree))\\b");
    static final Alternation MAINLINE = Alternation.compile(
            "\\b(?:has been merged into torvalds/linux\\.git|merged into (?:mainline|linus'? tree|torvalds)|is (?:now )?in mainline|"
                    + "landed in (?:mainline|v\\d\\.\\d+)|merged mm-stable|moved to mm-stable)\\b",
            Pattern.CASE_INSENSITIVE);

    private FixStatusRule() {
    }

    /** @param maintainers e-mail addresses of the maintainers of the touched sections (lower case) */
    static Verdict decide(ThreadFacts f, String type, Set<String> maintainers) {
        ThreadView view = f.view();
        List<ThreadMessage> proposals = new ArrayList<>(f.postings());
        for (ThreadMessage m : view.messages()) {
            if (!proposals.contains(m) && !m.fromBot() && (m.hasDiff() || SYZ_FIX.matcher(m.text()).find())) {
                proposals.add(m); // a fix posted as a reply ("does this help?", #syz test, #syz fix: <commit>)
            }
        }
        Verdict merged = merged(f);
        if (merged != null) {
            return merged;
        }
        Verdict newer = sentNewer(f);
        if (newer != null) {
            return newer;
        }
        Verdict applied = applied(f, proposals, maintainers);
        if (applied != null) {
            return applied;
        }
        if (proposals.isEmpty()) {
            return Verdict.of("none", "no patch in the thread", f.first().messageId());
        }
        Verdict reviewed = reviewed(f);
        if (reviewed != null) {
            return reviewed;
        }
        return Verdict.of("proposed", "a patch is posted in the thread", proposals.get(0).messageId());
    }

    private static Verdict merged(ThreadFacts f) {
        for (ThreadMessage m : f.view().messages()) {
            if ("MERGE_NOTICE".equals(m.botType()) && "PR_TRACKER_BOT".equals(m.bot())) {
                return Verdict.of("merged", "pr-tracker-bot: the pull request was merged into mainline", m.messageId());
            }
            if (m.notice() != null && m.notice().contains("merged")) {
                return Verdict.of("merged", "notice: " + m.notice(), m.messageId());
            }
            if (!m.fromBot() && m.reply() && MAINLINE.found(m.text())) {
                return Verdict.of("merged", "a reply says it reached mainline or mm-stable", m.messageId());
            }
        }
        return null;
    }

    /** The author of the posting says a newer revision was sent (it may be on another list). */
    private static Verdict sentNewer(ThreadFacts f) {
        if (f.postings().isEmpty()) {
            return null;
        }
        String author = f.postings().get(0).fromEmail();
        for (ThreadMessage m : f.view().messages()) {
            if (m.reply() && m.fromEmail().equals(author) && SENT_NEWER.matcher(firstLines(m.text(), 12)).find()) {
                return Verdict.of("superseded", "the author says a newer revision was sent", m.messageId());
            }
        }
        return null;
    }

    private static Verdict applied(ThreadFacts f, List<ThreadMessage> proposals, Set<String> maintainers) {
        ThreadMessage first = f.first();
        if ("PULL_REQUEST".equals(first.kind()) && !f.rootMissing()) {
            return Verdict.of("applied", "the thread is a pull request: its changes are in the sender's tree", first.messageId());
        }
        if (proposals.isEmpty()) {
            return null;
        }
        Set<String> authors = new HashSet<>();
        proposals.forEach(p -> authors.add(p.fromEmail()));
        ThreadMessage evidence = null;
        String signal = null;
        for (ThreadMessage m : f.view().messages()) {
            if (evidence != null && !m.fromBot() && !authors.contains(m.fromEmail()) && DROPPED.matcher(m.text()).find()
                    && m.date().isAfter(evidence.date())) {
                evidence = null; // applied, then dropped: counts as never applied
                signal = null;
                continue;
            }
            if (evidence != null) {
                continue;
            }
            if ("MERGE_NOTICE".equals(m.botType())) {
                evidence = m;
                signal = m.bot() + ": applied notice";
            } else if (m.notice() != null && m.notice().startsWith("added to")) {
                evidence = m;
                signal = "mm-commits: " + m.notice();
            } else if (m.reply() && !m.fromBot() && !authors.contains(m.fromEmail()) && appliedText(m)) {
                evidence = m;
                signal = "a maintainer says it was applied or queued";
            } else if (m.reply() && authors.contains(m.fromEmail()) && maintainers.contains(m.fromEmail().toLowerCase(Locale.ROOT))
                    && appliedText(m)) {
                evidence = m;
                signal = "the author, a maintainer of the touched code (MAINTAINERS M:), says it was applied to their tree";
            }
        }
        return evidence == null ? null : Verdict.of("applied", signal, evidence.messageId());
    }

    /**
     * A bot's applied notice, or a person's own statement that it was applied (kernel-mail's {@code AppliedStatements},
     * read at the start of their lines: "applied" inside a sentence does not count). Whether the person may say so is
     * decided by the caller.
     */
    static boolean appliedText(ThreadMessage m) {
        return "APPLIED_NOTICE".equals(m.kind()) && m.fromBot() || m.statesApplied();
    }

    private static String firstLines(String text, int lines) {
        int at = 0;
        for (int i = 0; i < lines && at >= 0; i++) {
            at = text.indexOf('\n', at + 1);
        }
        return (at < 0 ? text : text.substring(0, at)).toLowerCase(Locale.ROOT);
    }

    /** Every patch of the thread has Reviewed-by or Acked-by from someone other than its author. */
    private static Verdict reviewed(ThreadFacts f) {
        List<ThreadMessage> patches = f.patches().stream().filter(p -> !fixup(f.view(), p)).toList();
        if (patches.isEmpty()) {
            return null;
        }
        ThreadView view = f.view();
        Set<String> coverReviewers = new LinkedHashSet<>();
        List<String> evidence = new ArrayList<>();
        ThreadMessage cover = f.postings().stream().filter(ThreadMessage::coverLetter).findFirst().orElse(null);
        if (cover != null) {
            collect(view, cover, cover.fromEmail(), coverReviewers, evidence);
        }
        for (ThreadMessage p : patches) {
            Set<String> reviewers = new LinkedHashSet<>(coverReviewers);
            for (Trailer t : p.trailers()) {
                if (reviewTrailer(t) && !t.personEmail().equals(p.fromEmail())) {
                    reviewers.add(t.personEmail());
                    evidence.add(p.messageId());
                }
            }
            collect(view, p, p.fromEmail(), reviewers, evidence);
            if (reviewers.isEmpty()) {
                return null;
            }
        }
        return Verdict.of("reviewed", List.of("every patch has Reviewed-by or Acked-by from someone other than the author"),
                evidence);
    }

    /** Follow-up review trailers in replies below {@code target} (b4 attribution: the nearest posting above). */
    private static void collect(ThreadView view, ThreadMessage target, String author, Set<String> reviewers, List<String> evidence) {
        for (ThreadView.Node n : view.nodes()) {
            ThreadMessage m = n.message();
            if (!m.reply() || m.fromBot() || nearestPosting(view, n) != target) {
                continue;
            }
            for (Trailer t : m.trailers()) {
                if (t.followUp() && reviewTrailer(t) && !t.personEmail().isEmpty() && !t.personEmail().equals(author)) {
                    reviewers.add(t.personEmail());
                    evidence.add(m.messageId());
                }
            }
        }
    }

    /** A patch sent in reply to another patch of the thread (a "-fix" or "(fix)" follow-up), not a part of the series. */
    private static boolean fixup(ThreadView view, ThreadMessage p) {
        ThreadView.Node node = view.node(p.key());
        if (node == null || node.parentKey() == null) {
            return false;
        }
        ThreadMessage parent = view.message(node.parentKey());
        return parent != null && "PATCH".equals(parent.kind());
    }

    private static boolean reviewTrailer(Trailer t) {
        return t.type() == TrailerType.REVIEWED_BY || t.type() == TrailerType.ACKED_BY;
    }

    private static ThreadMessage nearestPosting(ThreadView view, ThreadView.Node node) {
        String parent = node.parentKey();
        while (parent != null) {
            ThreadView.Node p = view.node(parent);
            if (p == null) {
                return null;
            }
            if (p.message().seriesMember()) {
                return p.message();
            }
            parent = p.parentKey();
        }
        return null;
    }
}
