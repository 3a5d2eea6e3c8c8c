package org.loredigest.classify.domain.thread;

import java.util.Locale;
import org.loredigest.classify.domain.mail.ThreadMessage;

/**
 * Which bot mail reports a bug and so is a topic of its own even when no person answered: syzbot crash reports,
 * kernel test robot build, boot, runtime and performance regressions. Build-success notices, performance
 * improvements, syzbot's monthly summaries and test results, and applied/merged notices are not bug reports: they
 * stay notes on the topic they are about.
 */
public final class BotReports {

    private BotReports() {
    }

    public static boolean bugReport(ThreadMessage m) {
        if (!m.fromBot() || m.reply() || m.botType() == null) {
            return false;
        }
        String subject = m.subject().toLowerCase(Locale.ROOT);
        return switch (m.botType()) {
            case "REPORT", "BUILD_REPORT" -> true;
            case "PERF_REPORT" -> !subject.contains("improvement");
            case "BUILD_STATUS" -> subject.contains("build regression");
            default -> false;
        };
    }

    /** syzbot's bug id from its sender address {@code syzbot+<extid>@syzkaller.appspotmail.com}, or null. */
    public static String syzbotExtId(String email) {
        if (email == null || !email.startsWith("syzbot+")) {
            return null;
        }
        int at = email.indexOf('@');
        return at > 7 ? email.substring(7, at).toLowerCase(Locale.ROOT) : null;
    }
}
