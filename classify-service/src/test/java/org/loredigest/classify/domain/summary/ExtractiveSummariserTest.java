package org.loredigest.classify.domain.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.classify.ThreadClassifier;
import org.loredigest.classify.domain.mail.MailMapping;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.classify.testing.Mails;
import org.loredigest.events.ThreadClassified.Summary;
import org.loredigest.mail.MailParser;

/** Each field holds only text that answers its question, or stays empty. */
class ExtractiveSummariserTest {

    private final ExtractiveSummariser summariser = new ExtractiveSummariser();

    @Test
    void aReportsProposalIsNeitherItsTriggerNorASolution() throws Exception {
        Summary s = summarise(Mails.mail("r@x", "Rep Orter <rep@example.org>", "Mon, 25 Mar 2024 14:46:09 +0000",
                "[problem] Hung task caused by memory migration when cpuset.mems changes", null, null, """
                        In our production environment, we have observed several cases of hung tasks blocked on the \
                        cgroup_mutex. The underlying cause is that memory migration runs in the work queue and takes long.

                        One feasible approach is to revert the commit that enabled migration. This way, modifying \
                        cpuset.mems will not trigger memory migration.
                        """));

        assertThat(s.problem().text()).startsWith("In our production environment");
        assertThat(s.trigger().empty()).isTrue();
        assertThat(s.solution().empty()).as("a report without a patch has no solution yet").isTrue();
    }

    @Test
    void aCommitMessageSplitsIntoProblemTriggerAndSolution() throws Exception {
        Summary s = summarise(Mails.mail("p@x", "A Dev <dev@example.org>", "Wed, 27 Mar 2024 02:44:37 +0000",
                "[PATCH] selftests: cgroup: skip test_cgcore_lesser_ns_open without nsdelegate", null, null,
                Mails.patchBody("""
                        The test case test_cgcore_lesser_ns_open only takes effect when cgroup2 is mounted with the \
                        nsdelegate mount option. If it misses this option, the test case will fail.

                        Skip it if nsdelegate is not detected in the cgroup2 mount options.""",
                        "tools/testing/selftests/cgroup/test_core.c")));

        assertThat(s.problem().text()).contains("only takes effect when");
        assertThat(s.trigger().text()).isEqualTo("If it misses this option, the test case will fail.");
        assertThat(s.solution().text()).isEqualTo("Skip it if nsdelegate is not detected in the cgroup2 mount options.");
        assertThat(s.implementation().textZh()).startsWith("1 个补丁，修改 1 个文件");
        assertThat(s.keyPoints().empty()).isTrue();
    }

    @Test
    void changelogsAndStyleNitsAreNotAnalysis() throws Exception {
        byte[] patch = Mails.mail("c@x", "A Dev <dev@example.org>", "Wed, 27 Mar 2024 02:44:37 +0000",
                "[PATCH v2] memcg: drop a stale comment", null, null, Mails.patchBody("""
                        v2: - Fixes for v2 cgroup - reformat

                        Remove the comment about the move lock, which no longer exists.""", "mm/memcontrol.c"));
        byte[] nit = Mails.mail("n@x", "Rev Iewer <rev@example.org>", "Wed, 27 Mar 2024 05:00:00 +0000",
                "Re: [PATCH v2] memcg: drop a stale comment", "c@x", "c@x",
                "nit: the title is not very descriptive, and the commit message is wrong about the lock history.\n");
        Summary s = summarise(patch, nit);

        assertThat(s.problem().empty()).isTrue();
        assertThat(s.solution().text()).startsWith("Remove the comment");
        assertThat(s.caveats().empty()).isTrue();
    }

    @Test
    void whereASeriesSitsIsNotWhatItDoes() throws Exception {
        Summary s = summarise(Mails.mail("d@x", "A Dev <dev@example.org>", "Wed, 27 Mar 2024 02:44:37 +0000",
                "[PATCH 1/1] ima: measure the template once", null, null, Mails.patchBody("""
                        This patch set applies on top of the IMA fixes of last week.

                        This possible bug was identified using a static analysis tool developed by myself, designed \
                        to detect RCU-related issues in the measurement list.

                        Make IMA measure the template once per boot.""", "security/integrity/ima/ima_main.c")));

        assertThat(s.problem().empty()).as("where a report came from is not the problem").isTrue();
        assertThat(s.solution().text()).isEqualTo("Make IMA measure the template once per boot.");
    }

    @Test
    void aHeadingOrABrokenParagraphAnswersNothing() throws Exception {
        Summary s = summarise(Mails.mail("h@x", "A Dev <dev@example.org>", "Wed, 27 Mar 2024 02:44:37 +0000",
                "[PATCH] lsm: call hooks through static calls", null, null, Mails.patchBody("""
                        # Performance improvement

                        with commit fa8a4ce432e8 ("ima: fix buffer overrun") the buffer is used to hold the digest \
                        of every template.

                        Replace the indirect calls with static calls.""", "security/security.c")));

        assertThat(s.impactPerformance().empty()).isTrue();
        assertThat(s.background().empty()).isTrue();
    }

    private Summary summarise(byte[]... raws) throws Exception {
        MailParser parser = new MailParser();
        List<ThreadView.Node> nodes = new ArrayList<>();
        for (byte[] raw : raws) {
            var mail = parser.parse(raw, Instant.parse("2024-03-28T00:00:00Z"));
            ThreadMessage m = MailMapping.toThreadMessage(mail.messageId(), "cgroups", mail);
            nodes.add(new ThreadView.Node(m, m.parentId(), m.parentId() == null ? 0 : 1));
        }
        ThreadView view = new ThreadView(nodes.get(0).message().messageId(), false, nodes);
        return summariser.summarise(view, new ThreadClassifier(Optional.empty()).classify(view));
    }
}
