package org.loredigest.mail.patch;

import java.util.List;

/**
 * A git pull request as {@code git request-pull} writes it.
 *
 * @param repository the repository URL
 * @param ref        the tag or branch to pull, or empty
 * @param baseCommit "The following changes since commit ..." (may be null)
 * @param headCommit "for you to fetch changes up to ..." (may be null)
 * @param commits    the commits of the shortlog, in the order listed (grouped by author); empty when the mail has none
 */
public record PullRequest(String repository, String ref, String baseCommit, String headCommit, List<PullCommit> commits) {

    public PullRequest {
        commits = commits == null ? List.of() : List.copyOf(commits);
    }

    /** A pull request whose shortlog is unknown. */
    public PullRequest(String repository, String ref, String baseCommit, String headCommit) {
        this(repository, ref, baseCommit, headCommit, List.of());
    }

    /** The commit titles of the shortlog, in order. */
    public List<String> commitTitles() {
        return commits.stream().map(PullCommit::title).toList();
    }
}
