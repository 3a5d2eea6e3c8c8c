package org.loredigest.mail.patch;

/** How the diff in a message is written. */
public enum DiffFormat {
    /** No diff. */
    NONE,
    /** {@code diff --git} headers (git format-patch, git diff). */
    GIT,
    /** Plain unified diff: {@code ---}/{@code +++} without git headers (quilt, diff -u). */
    UNIFIED
}
