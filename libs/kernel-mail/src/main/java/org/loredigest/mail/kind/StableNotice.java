package org.loredigest.mail.kind;

/**
 * Stable-kernel mail.
 *
 * @param tree          the stable tree ({@code 6.6})
 * @param failedPatch   for a failed backport: the patch subject that did not apply, else empty
 * @param upstreamCommit the upstream commit named in the mail, or empty
 */
public record StableNotice(String tree, String failedPatch, String upstreamCommit) {
}
