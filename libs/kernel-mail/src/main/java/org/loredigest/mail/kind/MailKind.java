package org.loredigest.mail.kind;

/** What a message is, as a maintainer reading the list would sort it. */
public enum MailKind {
    /** A patch posting (one patch of a series, or a single patch). */
    PATCH,
    /** Patch 0/N of a series: the series description. */
    COVER_LETTER,
    /** A reply that reviews a patch: review trailers, or comments interleaved with the quoted patch. */
    REVIEW,
    /** Any other reply: discussion, questions, answers. */
    REPLY,
    /** A maintainer saying a patch or series was applied / queued / merged. */
    APPLIED_NOTICE,
    /** A human report of a crash, warning, regression or checker finding. */
    BUG_REPORT,
    /** A git pull request. */
    PULL_REQUEST,
    /** A report sent by a bot (syzbot, kernel test robot): see {@code BotMail} for details. */
    BOT_REPORT,
    /** A bot answering in a thread (syzbot test results, merge notices from bots). */
    BOT_REPLY,
    /** A human mail carrying {@code #syz} commands for syzbot. */
    BOT_COMMAND,
    /** A patch in a stable kernel review series ({@code [PATCH 6.6 043/116]}) or its cover. */
    STABLE_REVIEW,
    /** "FAILED: patch ... failed to apply to X-stable tree". */
    BACKPORT_FAILURE,
    /** mm-commits notices about the -mm tree (added to mm-unstable, merged to mm-stable, removed). */
    MM_COMMITS,
    /** A new thread that is neither a patch nor a report: proposals, questions, announcements. */
    DISCUSSION,
    /** Unsolicited junk that got through the list. */
    SPAM
}
