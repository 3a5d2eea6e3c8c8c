package org.loredigest.mail.patch;

/**
 * A git pull request as {@code git request-pull} writes it.
 *
 * @param repository the repository URL
 * @param ref        the tag or branch to pull, or empty
 * @param baseCommit "The following changes since commit ..." (may be null)
 * @param headCommit "for you to fetch changes up to ..." (may be null)
 */
public record PullRequest(String repository, String ref, String baseCommit, String headCommit) {
}
