package org.loredigest.classify.domain.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.Alternation;
import org.loredigest.classify.domain.mail.ThreadMessage;

/** type: bug, feature, patch, discussion or question (RUBRIC.md, convention 2). */
final class TypeRule {

    /** A new interface or mechanism, as authors announce it. */
    static final Alternation FEATURE_WORDS = Alternation.compile(
            "\\b(?:introduc(?:e|es|ing)|add(?:s|ing)? (?:a |the )?(?:new |support for )|implement(?:s|ing)? (?:a |the )?new"
                    + "|new (?:interface|knob|file|flag|api|syscall|ioctl|option|mechanism|feature|controller|argument|mode)"
                    + "|this (?:series|patchset|patch set) (?:adds|introduces|implements|proposes)|propos(?:e|es) (?:a |to add)"
                    + "|allow (?:userspace|users|user space) to|provides? (?:a |an )?(?:new |low overhead )?(?:mechanism|infrastructure|framework|interface)"
                    + "|(?:this |the )?(?:series|patchset|patch set|patches) (?:adds?|implements?|introduces?|enables?) (?:the )?support)\\b");
    private static final Pattern FEATURE_TITLE = Pattern.compile(
            "^(?:\\S+: )*(?:add|introduce|implement|support|enable|allow|expose|new)\\b.*");
    private static final Pattern NOT_FEATURE_TITLE = Pattern.compile(
            "\\b(?:fix|fixes|revert|cleanup|clean up|clean-up|typo|comment|doc|docs|documentation|selftests?|kselftest|remove|"
                    + "rename|refactor|warning|avoid|correct|use |convert|drop|simplify|move|update|check|helpers?|wrappers?|defines?|macros?|"
                    + "stats?|counters?|statistics|backport)\\b");
    private static final Pattern QUESTION = Pattern.compile(
            "(?:^|\\n)\\s*(?:how (?:to|do|can|does)|is (?:it|there) (?:possible|a way)|why (?:does|is|do)|question|"
                    + "can (?:someone|anyone|i)|could (?:someone|anyone|you)|i (?:wonder|was wondering))\\b");
    /** "Do we still need X?" asks about direction, not how something works. */
    private static final Pattern DIRECTION_QUESTION = Pattern.compile(
            "^(?:do|should|shall|can|could) we\\b|\\b(?:still need|deprecate|get rid of|remove)\\b");
    /** A new thread reporting a problem in its title: "[problem] hung task ...", "[BUG] ...", "... regression". */
    private static final Pattern PROBLEM_TITLE = Pattern.compile(
            "\\[(?:problem|bug|regression|report)\\]|\\b(?:hung task|hang|crash|oops|panic|deadlock|lockup|regression|"
                    + "premature (?:memcg )?oom|use-after-free|kasan|warning)\\b");
    private static final Pattern UI_FILES = Pattern.compile(
            "^(?:Documentation/admin-guide/|Documentation/ABI/|include/uapi/|tools/testing/selftests/)");

    private TypeRule() {
    }

    static Verdict decide(ThreadFacts f) {
        ThreadMessage first = f.first();
        String kind = f.rootKind();
        String subject = first.subject().toLowerCase(Locale.ROOT);
        if (f.rootMissing()) {
            if (subject.contains("[patch") || subject.contains("[rfc")) {
                return postingType(f, "root missing; the first message answers a patch posting");
            }
            if (first.fromBot() || subject.contains("syzbot") || subject.contains("kasan") || subject.contains("bug")) {
                return Verdict.of("bug", "root missing; the first message answers a bug report", first.messageId());
            }
        }
        switch (kind) {
            case "BUG_REPORT":
                return Verdict.of("bug", "root is a bug report (bug tag, splat title or call trace)", first.messageId());
            case "BOT_REPORT":
                return Verdict.of("bug", "root is a " + first.bot() + " " + first.botType() + " report", first.messageId());
            case "PATCH", "COVER_LETTER", "STABLE_REVIEW":
                return postingType(f, "root is a patch posting");
            case "PULL_REQUEST":
                return Verdict.of("patch", "root is a pull request", first.messageId());
            default:
                break;
        }
        if (!f.postings().isEmpty() && f.postings().get(0) == first) {
            return postingType(f, "root carries a diff");
        }
        if (f.answeredByPosting()) {
            return postingType(f, "root announces changes that its author posts as patches below it");
        }
        String title = first.title().toLowerCase(Locale.ROOT);
        if (PROBLEM_TITLE.matcher(title).find()) {
            return Verdict.of("bug", "title reports a problem: '" + first.title() + "'", first.messageId());
        }
        String opening = f.opening();
        if (DIRECTION_QUESTION.matcher(title).find()) {
            return Verdict.of("discussion", "root asks about direction ('do we still need', 'should we')", first.messageId());
        }
        if (first.title().strip().endsWith("?") || QUESTION.matcher(opening).find() && first.text().length() < 2500) {
            return Verdict.of("question", "root asks a question (question mark or question phrase)", first.messageId());
        }
        if (!first.callTrace().isEmpty()) {
            return Verdict.of("bug", "root text holds a splat or call trace", first.messageId());
        }
        return Verdict.of("discussion", "root is a new thread without a diff, bug report or question", first.messageId());
    }

    private static Verdict postingType(ThreadFacts f, String why) {
        ThreadMessage head = f.postings().isEmpty() ? f.first() : f.postings().get(0);
        String title = head.title().toLowerCase(Locale.ROOT);
        String text = (head.text() + "\n" + head.changelog()).toLowerCase(Locale.ROOT);
        List<String> signals = new ArrayList<>();
        signals.add(why);
        int score = 0;
        if (FEATURE_TITLE.matcher(title).matches()) {
            score += 2;
            signals.add("title announces something new: '" + head.title() + "'");
        }
        if (FEATURE_WORDS.found(text)) {
            score += head.coverLetter() ? 2 : 1;
            signals.add((head.coverLetter() ? "cover letter" : "text") + " introduces a new interface or mechanism");
        }
        List<String> added = f.addedInterfaces();
        if (!added.isEmpty()) {
            score += 2;
            signals.add("the diff adds user-visible interfaces: " + String.join(", ", added.subList(0, Math.min(3, added.size()))));
        }
        if (touchesUserInterface(f)) {
            score += 1;
            signals.add("adds lines to user-interface documentation or uapi headers");
        }
        if (f.patches().size() >= 4 || f.insertions() >= 400) {
            score += 1;
            signals.add("large change (" + f.patches().size() + " patches, +" + f.insertions() + " lines)");
        }
        boolean fixLike = NOT_FEATURE_TITLE.matcher(title).find() || !f.trailers(org.loredigest.mail.trailer.TrailerType.FIXES).isEmpty();
        if (fixLike) {
            score -= 3;
            signals.add("title or Fixes: trailer says fix/cleanup/refactor");
        }
        if (score >= 3) {
            return Verdict.of("feature", signals, List.of(head.messageId()));
        }
        return Verdict.of("patch", signals, List.of(head.messageId()));
    }

    private static boolean touchesUserInterface(ThreadFacts f) {
        for (ThreadMessage m : f.postings()) {
            for (ThreadMessage.FileStat file : m.files()) {
                if (file.insertions() > 5 && UI_FILES.matcher(file.path()).find()
                        && !file.path().startsWith("tools/testing/selftests/")) {
                    return true;
                }
            }
        }
        return false;
    }
}
