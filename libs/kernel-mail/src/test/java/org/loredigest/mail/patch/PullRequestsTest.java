package org.loredigest.mail.patch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code git request-pull} output, written by hand after its template. */
class PullRequestsTest {

    private static final String PULL = """
            Hello, Linus.

            The following changes since commit 6613476e225e090cc9aad49be7fa504e290dd33d:

              Linux 6.8-rc1 (2024-01-21 14:11:32 -0800)

            are available in the Git repository at:

              git://git.kernel.org/pub/scm/linux/kernel/git/tj/cgroup.git/ tags/cgroup-for-6.9

            for you to fetch changes up to 0123456789abcdef0123456789abcdef01234567:

              cgroup/cpuset: Fix retval in update_cpumask() (2024-03-01 10:00:00 -1000)

            ----------------------------------------------------------------
            cgroup: Changes for v6.9

            - Cpuset fixes (2 of them).

            ----------------------------------------------------------------
            Jane Doe (2):
                  cgroup: Fix a leak in cgroup_mkdir()
                  cgroup/cpuset: Fix retval in update_cpumask()

            John Roe (1):
                  selftests/cgroup: Add a test for the leak in a very long title that
                     git shortlog -w wrapped

             kernel/cgroup/cgroup.c                   |  4 ++--
             kernel/cgroup/cpuset.c                   |  2 +-
             2 files changed, 3 insertions(+), 3 deletions(-)

            Thanks.

            --
            tejun
            """;

    @Test
    void theShortlogGivesTheCommits() {
        PullRequest pr = PullRequests.find(PULL);
        assertThat(pr.repository()).isEqualTo("git://git.kernel.org/pub/scm/linux/kernel/git/tj/cgroup.git/");
        assertThat(pr.ref()).isEqualTo("tags/cgroup-for-6.9");
        assertThat(pr.baseCommit()).isEqualTo("6613476e225e090cc9aad49be7fa504e290dd33d");
        assertThat(pr.headCommit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(pr.commits()).containsExactly(
                new PullCommit("Jane Doe", "cgroup: Fix a leak in cgroup_mkdir()"),
                new PullCommit("Jane Doe", "cgroup/cpuset: Fix retval in update_cpumask()"),
                new PullCommit("John Roe", "selftests/cgroup: Add a test for the leak in a very long title that git shortlog -w wrapped"));
        assertThat(pr.commitTitles()).hasSize(3).first().isEqualTo("cgroup: Fix a leak in cgroup_mkdir()");
    }

    @Test
    void tabIndentedTitlesAreTitlesNotContinuations() {
        String tabs = PULL.replace("      cgroup:", "\tcgroup:").replace("      cgroup/cpuset: Fix retval in update_cpumask()\n",
                "\tcgroup/cpuset: Fix retval in update_cpumask()\n");
        assertThat(PullRequests.find(tabs).commitTitles()).startsWith("cgroup: Fix a leak in cgroup_mkdir()",
                "cgroup/cpuset: Fix retval in update_cpumask()");
    }

    @Test
    void withoutAShortlogTheListIsEmpty() {
        PullRequest pr = PullRequests.find("""
                Please pull:

                are available in the git repository at:

                  https://git.example.org/foo.git for-next
                """);
        assertThat(pr.ref()).isEqualTo("for-next");
        assertThat(pr.commits()).isEmpty();
        assertThat(Shortlogs.authorOf("Jane Doe (12):")).isEqualTo("Jane Doe");
        assertThat(Shortlogs.authorOf("Note (see below):")).isNull();
        assertThat(Shortlogs.authorOf("Jane Doe ():")).isNull();
    }
}
