package org.loredigest.classify.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loredigest.classify.testing.Mails.mail;
import static org.loredigest.classify.testing.Mails.patchBody;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.testing.TopologyRun;
import org.loredigest.events.ThreadClassified;

/** Links that need a meeting point besides the title: retitled revisions (by author) and reports closed elsewhere. */
class SeriesLinksTopologyTest {

    static final String DEV = "A Dev <dev@example.org>";

    @Test
    void aRevisionPostedUnderANewTitleSupersedesThePreviousOneInEitherArrivalOrder() {
        byte[] v1 = mail("h1@x", DEV, "Mon, 7 Oct 2024 10:00:00 +0000",
                "[PATCH] mm, hugetlb: add hugeTLB accounting to the memory controller", null, null,
                patchBody("Charge hugetlb folios to the memory controller.", "mm/hugetlb.c"));
        byte[] v2 = mail("h2@x", DEV, "Tue, 15 Oct 2024 10:00:00 +0000", "[PATCH v2] memcg/hugetlb: add hugeTLB accounting to memcg",
                null, null, patchBody("Charge hugetlb folios to memcg.", "mm/hugetlb.c"));
        for (boolean newerFirst : new boolean[] {false, true}) {
            try (TopologyRun run = new TopologyRun(Optional.empty())) {
                run.send("cgroups", newerFirst ? v2 : v1);
                run.send("cgroups", newerFirst ? v1 : v2);
                var topics = run.topics();
                assertThat(topics).containsOnlyKeys("h1@x", "h2@x");
                ThreadClassified older = topics.get("h1@x");
                ThreadClassified newer = topics.get("h2@x");
                assertThat(older.fixStatus().value()).isEqualTo("superseded");
                assertThat(older.fixStatus().evidenceMessageIds()).containsExactly("h2@x");
                assertThat(older.series().successors()).extracting(ThreadClassified.RevisionLink::threadId).containsExactly("h2@x");
                assertThat(newer.series().predecessors()).extracting(ThreadClassified.RevisionLink::threadId).containsExactly("h1@x");
                assertThat(older.related()).extracting(ThreadClassified.RelatedThread::threadId).contains("h2@x");
                assertThat(newer.related()).extracting(ThreadClassified.RelatedThread::threadId).contains("h1@x");
                assertThat(newer.fixStatus().value()).isEqualTo("proposed");
            }
        }
    }

    @Test
    void aNewTitleWithoutANewVersionStaysAnUnrelatedTopic() {
        try (TopologyRun run = new TopologyRun(Optional.empty())) {
            run.send("cgroups", mail("e1@x", DEV, "Mon, 7 Oct 2024 10:00:00 +0000", "[PATCH] mm: memcg: fix exit hang at memory.max",
                    null, null, patchBody("Tasks hang in exit.", "mm/memcontrol.c")));
            run.send("cgroups", mail("e2@x", DEV, "Tue, 8 Oct 2024 10:00:00 +0000", "[PATCH] mm: memcg: skip reclaim for dying tasks",
                    null, null, patchBody("Another approach.", "mm/memcontrol.c")));
            assertThat(run.topics().get("e1@x").fixStatus().value()).isEqualTo("proposed");
        }
    }

    @Test
    void aReportClosedByAPatchInAnotherThreadFollowsThatPatchsStatus() {
        byte[] report = mail("bug@x", "A Reporter <rep@example.org>", "Mon, 7 Oct 2024 10:00:00 +0000",
                "[BUG] KASAN: slab-use-after-free in mem_cgroup_charge", null, null,
                "Running the reproducer gives:\n\nBUG: KASAN: slab-use-after-free in mem_cgroup_charge+0x12/0x40\n"
                        + "Call Trace:\n mem_cgroup_charge+0x12/0x40\n do_anonymous_page+0x1/0x2\n");
        byte[] patch = mail("fix@x", DEV, "Tue, 8 Oct 2024 10:00:00 +0000", "[PATCH] mm: memcg: fix use-after-free in charge",
                null, null, patchBody("Do not touch the folio after it was freed.\n\n"
                        + "Closes: https://lore.kernel.org/all/bug@x/", "mm/memcontrol.c"));
        byte[] applied = mail("ok@x", "Andrew Morton <akpm@linux-foundation.org>", "Wed, 9 Oct 2024 10:00:00 +0000",
                "Re: [PATCH] mm: memcg: fix use-after-free in charge", "fix@x", "fix@x", "Applied, thanks.\n");
        for (boolean patchFirst : new boolean[] {false, true}) {
            try (TopologyRun run = new TopologyRun(Optional.empty())) {
                run.send("cgroups", patchFirst ? patch : report);
                run.send("cgroups", patchFirst ? report : patch);
                ThreadClassified bug = run.topics().get("bug@x");
                assertThat(bug.type().value()).isEqualTo("bug");
                assertThat(bug.fixStatus().value()).isEqualTo("proposed");
                assertThat(bug.fixStatus().evidenceMessageIds()).containsExactly("fix@x");
                assertThat(bug.related()).extracting(ThreadClassified.RelatedThread::threadId).contains("fix@x");

                run.send("cgroups", applied);
                bug = run.topics().get("bug@x");
                assertThat(bug.fixStatus().value()).as("patch first: %s", patchFirst).isEqualTo("applied");
                assertThat(bug.fixStatus().evidenceMessageIds()).containsExactly("fix@x");
            }
        }
    }

    @Test
    void aThreadThatMeetsUnderAnotherTitleOnceItsCoverArrivesLeavesNoStaleCopyBehind() {
        try (TopologyRun run = new TopologyRun(Optional.empty())) {
            // patch 2/2 of v2 arrives before its cover letter: the thread meets under the patch's own title
            run.send("cgroups", mail("p2@x", DEV, "Tue, 5 Mar 2024 10:00:02 +0000", "[PATCH v2 2/2] mm: memcg: add the knob",
                    "cover@x", "cover@x", patchBody("Add the knob.", "mm/memcontrol.c")));
            run.send("cgroups", mail("cover@x", DEV, "Tue, 5 Mar 2024 10:00:00 +0000", "[PATCH v2 0/2] mm: memcg: a new knob",
                    null, null, "This series adds a knob.\n"));
            // a later v3 posted under the patch's title changes the series the thread first met
            run.send("cgroups", mail("v3@x", DEV, "Wed, 6 Mar 2024 10:00:00 +0000", "[PATCH v3] mm: memcg: add the knob",
                    null, null, patchBody("Add the knob, v3.", "kernel/cgroup/cgroup.c")));
            ThreadClassified series = run.topics().get("cover@x");
            assertThat(series.messageCount()).isEqualTo(2);
            assertThat(series.title()).isEqualTo("mm: memcg: a new knob");
            assertThat(series.fixStatus().value()).isEqualTo("proposed");
            assertThat(run.history()).filteredOn(r -> r.key().equals("cover@x")).last()
                    .satisfies(r -> assertThat(r.value().title()).isEqualTo("mm: memcg: a new knob"));
        }
    }
}
