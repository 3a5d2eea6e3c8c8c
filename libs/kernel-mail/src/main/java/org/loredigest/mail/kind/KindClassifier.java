package org.loredigest.mail.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loredigest.mail.header.MailAddress;
import org.loredigest.mail.subject.ParsedSubject;
import org.loredigest.mail.trailer.Trailer;
import org.loredigest.mail.trailer.TrailerType;

/**
 * Decides the {@link MailKind}. Order matters: bots and tree-maintenance mail are recognised by sender and subject
 * first (they look like patches or replies otherwise), then spam, then new postings, then replies.
 */
public final class KindClassifier {

    private static final Pattern SYZBOT_ADDRESS = Pattern.compile("^syzbot(?:\\+([0-9a-z]+))?@syzkaller\\.appspotmail\\.com$");
    private static final Pattern SYZBOT_EXTID = Pattern.compile("syzbot\\+([0-9a-f]{8,40})@|[?&]extid=([0-9a-f]{8,40})");
    private static final Pattern MM_ADDED = Pattern.compile("^\\+ (\\S+\\.patch) added to (\\S+)(?: branch)?");
    private static final Pattern MM_REMOVED = Pattern.compile("^\\[([^\\]]+)\\] (\\S+\\.patch) removed from -mm tree");
    private static final Pattern FAILED_BACKPORT = Pattern.compile(
            "^FAILED: patch \"(.*)\" failed to apply to (\\S+?)-stable tree");
    private static final Pattern STABLE_ADDED = Pattern.compile("^[Pp]atch \"(.*)\" has been added to the (\\S+?)-stable tree");
    private static final Pattern STABLE_TREE = Pattern.compile("^\\d+\\.\\d+(?:\\.\\d+|\\.y)?$");
    private static final Pattern UPSTREAM_COMMIT = Pattern.compile("(?m)^(?:commit|\\[ Upstream commit) ([0-9a-f]{12,40})");
    private static final List<String> BUG_TAGS = List.of("bug", "bug report", "regression", "linux kernel bug", "report",
            "issue", "warning", "crash", "oops", "kasan", "syzkaller");
    private static final List<String> SPLAT_STARTS = List.of("bug:", "kasan:", "kmsan:", "kcsan:", "ubsan:", "warning:",
            "warning in", "general protection fault", "possible deadlock", "possible circular locking", "info: task",
            "kernel bug", "kernel panic", "oops", "null pointer dereference", "unable to handle", "divide error",
            "soft lockup", "hard lockup", "use-after-free", "slab-use-after-free", "memory leak", "regression");

    private KindClassifier() {
    }

    public static Classification classify(MailFacts f) {
        ParsedSubject s = f.subject();
        String fromEmail = f.from() == null ? "" : f.from().email();
        String fromName = f.from() == null ? "" : f.from().name().toLowerCase(Locale.ROOT);

        Matcher syz = SYZBOT_ADDRESS.matcher(fromEmail);
        if (syz.matches()) {
            // per-list summaries come from syzbot+list<hash>@: not a bug id
            String extId = syz.group(1) != null && !syz.group(1).startsWith("list") ? syz.group(1) : "";
            BotMailType type;
            if (s.full().toLowerCase(Locale.ROOT).contains("monthly") && s.full().toLowerCase(Locale.ROOT).contains("report")) {
                type = BotMailType.MONTHLY_REPORT;
            } else if (f.text().contains("has tested the proposed patch") || f.text().contains("tried to test the proposed patch")) {
                type = BotMailType.TEST_RESULT;
            } else {
                type = BotMailType.REPORT;
            }
            MailKind kind = type == BotMailType.TEST_RESULT ? MailKind.BOT_REPLY : MailKind.BOT_REPORT;
            List<String> commands = type == BotMailType.MONTHLY_REPORT ? List.of() : syzCommands(f.parts().newText());
            return new Classification(kind, new BotMail(Bot.SYZBOT, type, extId, commands), null, null);
        }
        if (fromEmail.equals("lkp@intel.com") || fromName.contains("kernel test robot")) {
            return new Classification(MailKind.BOT_REPORT, new BotMail(Bot.KERNEL_TEST_ROBOT, testRobotType(s, f.text()), "", List.of()),
                    null, null);
        }
        if (fromEmail.equals("pr-tracker-bot@kernel.org")) {
            return new Classification(MailKind.BOT_REPLY, new BotMail(Bot.PR_TRACKER_BOT, BotMailType.MERGE_NOTICE, "", List.of()),
                    null, null);
        }
        if (fromEmail.startsWith("patchwork-bot")) {
            return new Classification(MailKind.BOT_REPLY, new BotMail(Bot.PATCHWORK_BOT, BotMailType.MERGE_NOTICE, "", List.of()),
                    null, null);
        }

        Matcher added = MM_ADDED.matcher(s.full());
        if (added.find()) {
            return new Classification(MailKind.MM_COMMITS, null, new MmCommitsNotice(added.group(1), "added", added.group(2)), null);
        }
        Matcher removed = MM_REMOVED.matcher(s.full());
        if (removed.find()) {
            return new Classification(MailKind.MM_COMMITS, null, new MmCommitsNotice(removed.group(2), removed.group(1), ""), null);
        }
        Matcher failed = FAILED_BACKPORT.matcher(s.full());
        if (failed.find()) {
            return new Classification(MailKind.BACKPORT_FAILURE, null, null,
                    new StableNotice(failed.group(2), failed.group(1), upstreamCommit(f.text())));
        }
        Matcher stableAdded = STABLE_ADDED.matcher(s.title());
        if (stableAdded.find() && !s.reply()) {
            return new Classification(MailKind.STABLE_REVIEW, null, null,
                    new StableNotice(stableAdded.group(2), "", upstreamCommit(f.text())));
        }
        if (s.patchPosting()) {
            for (String tag : s.tags()) {
                if (STABLE_TREE.matcher(tag).matches() && s.countersExplicit()) {
                    return new Classification(MailKind.STABLE_REVIEW, null, null, new StableNotice(tag, "", upstreamCommit(f.text())));
                }
            }
        }

        List<String> commands = syzCommands(f.parts().newText());
        if (!commands.isEmpty()) {
            return new Classification(MailKind.BOT_COMMAND, new BotMail(Bot.SYZBOT, BotMailType.COMMAND, syzbotExtId(f), commands),
                    null, null);
        }
        if (SpamSignals.spam(f)) {
            return Classification.of(MailKind.SPAM);
        }
        if (!s.reply() && !s.forward()) {
            return Classification.of(newPosting(f));
        }
        if (AppliedStatements.in(f.text())) {
            return Classification.of(MailKind.APPLIED_NOTICE);
        }
        for (Trailer t : f.trailers()) {
            if (t.followUp() && (t.type().review() || t.type() == TrailerType.NACKED_BY)) {
                return Classification.of(MailKind.REVIEW);
            }
        }
        if ((s.patch() || s.rfc()) && f.parts().quotesPatch() && f.parts().answeredQuotes() >= 1) {
            return Classification.of(MailKind.REVIEW);
        }
        return Classification.of(MailKind.REPLY);
    }

    private static MailKind newPosting(MailFacts f) {
        ParsedSubject s = f.subject();
        if (s.gitPull() || f.pullRequest() != null) {
            return MailKind.PULL_REQUEST;
        }
        if (s.patch() || s.rfc()) {
            if (s.coverLetterNumber()) {
                return MailKind.COVER_LETTER;
            }
            if (f.patch().hasDiff() || s.patch() || s.countersExplicit()) {
                return MailKind.PATCH;
            }
        }
        if (f.patch().hasDiff()) {
            return MailKind.PATCH;
        }
        if (bugReport(s, f.parts().newText())) {
            return MailKind.BUG_REPORT;
        }
        return MailKind.DISCUSSION;
    }

    static boolean bugReport(ParsedSubject s, String newText) {
        for (String tag : s.tags()) {
            if (BUG_TAGS.contains(tag.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        String title = s.title().toLowerCase(Locale.ROOT);
        for (String start : SPLAT_STARTS) {
            if (title.startsWith(start)) {
                return true;
            }
        }
        return newText.contains("Call Trace:") || newText.contains("WARNING: CPU:") || newText.contains("BUG: KASAN:")
                || newText.contains("------------[ cut here ]------------");
    }

    static List<String> syzCommands(String newText) {
        if (!newText.contains("#syz")) {
            return List.of();
        }
        List<String> commands = new ArrayList<>();
        for (String line : newText.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#syz ") || l.startsWith("#syz:")) {
                commands.add(l);
            }
        }
        return List.copyOf(commands);
    }

    private static String syzbotExtId(MailFacts f) {
        for (MailAddress a : f.recipients()) {
            Matcher m = SYZBOT_ADDRESS.matcher(a.email());
            if (m.matches() && m.group(1) != null) {
                return m.group(1);
            }
        }
        Matcher m = SYZBOT_EXTID.matcher(f.text());
        if (m.find()) {
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
        return "";
    }

    private static BotMailType testRobotType(ParsedSubject s, String text) {
        String subject = s.full();
        if (subject.contains("BUILD SUCCESS") || subject.contains("BUILD REGRESSION") || subject.contains("BUILD WARNING")) {
            return BotMailType.BUILD_STATUS;
        }
        if (text.contains("noticed the following build") || subject.contains(" warning:") || subject.contains(" error:")
                || text.contains("compiler: ") && text.contains("reproduce")) {
            return BotMailType.BUILD_REPORT;
        }
        if (text.contains("% regression of ") || text.contains("% improvement of ")) {
            return BotMailType.PERF_REPORT;
        }
        return BotMailType.REPORT;
    }

    private static String upstreamCommit(String text) {
        Matcher m = UPSTREAM_COMMIT.matcher(text);
        return m.find() ? m.group(1) : "";
    }
}
