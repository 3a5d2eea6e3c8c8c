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
}
