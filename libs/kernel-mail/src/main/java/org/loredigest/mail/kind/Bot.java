package org.loredigest.mail.kind;

/** Bots that post to kernel lists. */
public enum Bot {
    SYZBOT, KERNEL_TEST_ROBOT, PR_TRACKER_BOT, PATCHWORK_BOT
}
