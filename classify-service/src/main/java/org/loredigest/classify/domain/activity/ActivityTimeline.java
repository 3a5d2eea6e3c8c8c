package org.loredigest.classify.domain.activity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.events.ThreadClassified.MessageActivity;

/**
 * Every message of a topic as a period's digest needs it: when, by whom, what kind of mail, and for a person's reply
 * what it does (NAK, objection, question, ack, applied) with the sentences that show it. A digest of any period then
 * counts the period's mails and participants, sees revisions, trailers and status changes and quotes the period's
 * most substantive reply without reading the mails again.
 */
public final class ActivityTimeline {

    /** Bot mail that reports a bug (crash, KASAN splat, build or boot failure, performance regression). */
    static final Set<String> BOT_BUG_REPORTS = Set.of("REPORT", "BUILD_REPORT", "PERF_REPORT");
    private static final Set<String> NOTICES = Set.of("MM_COMMITS", "STABLE_REVIEW", "BACKPORT_FAILURE", "APPLIED_NOTICE",
            "SPAM");
    private static final Pattern CHANGES = Pattern.compile(
            "(?im)^\\s*(?:changes?(?:\\s+log)?\\s+(?:in|since|from|for)\\s+v?\\d+|changelog|v\\d+\\s*(?:->|→|\\.\\.)\\s*v?\\d+|"
                    + "changes\\s*:|since\\s+v\\d+)\\b.*$");

    private ActivityTimeline() {
    }

    /**
     * @param subsystems  the topic's MAINTAINERS sections, for maintainer involvement
     * @param appliedBy   messages that the fix-status rule took as "applied" statements
     */
    public static List<MessageActivity> of(ThreadView view, Collection<String> subsystems, MaintainerRoles roles,
                                           Set<String> appliedBy) {
        List<MessageActivity> out = new ArrayList<>();
        ThreadMessage first = view.first();
        String author = first.fromEmail();
        for (ThreadMessage m : view.messages()) {
            boolean maintainer = !m.fromBot() && roles.maintains(m.fromEmail(), subsystems);
            String role = role(m, m.key().equals(first.key()));
            String tone = null;
            String quote = null;
            if (MessageActivity.POSTING.equals(role) && m.version() > 1) {
                quote = changes(m);
            } else if ((MessageActivity.REPLY.equals(role) || MessageActivity.REVIEW.equals(role)) && !m.fromBot()) {
                ReplyTone.Tone t = ReplyTone.of(m.text(), appliedBy.contains(m.messageId()));
                // the author answering review defends or explains; what a digest quotes is what others said
                if (t != null && (!m.fromEmail().equals(author) || MessageActivity.APPLIED.equals(t.tone()))) {
                    tone = t.tone();
                    quote = t.quote();
                }
            }
            out.add(new MessageActivity(m.messageId(), m.date(), m.fromEmail(), m.fromBot(), maintainer, role,
                    MessageActivity.POSTING.equals(role) ? Math.max(1, m.version()) : 0, tone, quote, m.parentId(),
                    m.key()));
        }
        out.sort(Comparator.comparing(MessageActivity::date).thenComparing(MessageActivity::messageId)
                .thenComparing(MessageActivity::key));
        return out;
    }

    static String role(ThreadMessage m, boolean first) {
        if (m.fromBot()) {
            return first && BOT_BUG_REPORTS.contains(m.botType()) ? MessageActivity.REPORT : MessageActivity.NOTICE;
        }
        if (NOTICES.contains(m.kind())) {
            return MessageActivity.NOTICE;
        }
        if (!m.reply() && "BUG_REPORT".equals(m.kind())) {
            return MessageActivity.REPORT;
        }
        if (m.seriesMember() && m.patchPosting() || first && !m.reply()) {
            return MessageActivity.POSTING;
        }
        return m.quotedPatch() ? MessageActivity.REVIEW : MessageActivity.REPLY;
    }

    /** What a revision changed, as its author wrote it: the changelog below {@code ---}, else a "Changes in vN" block. */
    static String changes(ThreadMessage m) {
        String text = !m.changelog().isBlank() ? m.changelog() : m.text();
        Matcher start = CHANGES.matcher(text);
        if (!start.find()) {
            return m.changelog().isBlank() ? null : ReplyTone.clip(m.changelog());
        }
        String block = text.substring(start.start());
        int end = block.indexOf("\n\n\n");
        return ReplyTone.clip(end > 0 ? block.substring(0, end) : block);
    }
}
