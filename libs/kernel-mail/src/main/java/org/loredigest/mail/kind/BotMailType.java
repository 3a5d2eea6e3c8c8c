package org.loredigest.mail.kind;

/** What a bot-related mail is about. */
public enum BotMailType {
    /** A new bug report (syzbot crash, kernel test robot runtime finding). */
    REPORT,
    /** syzbot's periodic per-subsystem summary. */
    MONTHLY_REPORT,
    /** syzbot's answer to a {@code #syz test} request. */
    TEST_RESULT,
    /** Human mail with {@code #syz} commands. */
    COMMAND,
    /** Kernel test robot: build errors or warnings. */
    BUILD_REPORT,
    /** Kernel test robot: branch build summary ("BUILD SUCCESS", "BUILD REGRESSION"). */
    BUILD_STATUS,
    /** Kernel test robot: performance regression or improvement. */
    PERF_REPORT,
    /** pr-tracker-bot / patchwork-bot: the change was merged or applied. */
    MERGE_NOTICE,
    /** Other bot traffic. */
    OTHER
}
