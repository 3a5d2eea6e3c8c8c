package org.loredigest.classify.domain.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.thread.TopicDraft;

class LineageBookTest {

    static SeriesPosting posting(String id, String title, int version, String changeId, Instant at, List<String> files,
                                 List<String> links) {
        return new SeriesPosting(id, id, title.toLowerCase(), title, "dev@example.org", version, false, changeId, at, files,
                links, List.of(), "proposed");
    }

    static final Instant DAY1 = Instant.parse("2024-10-01T10:00:00Z");
    static final Instant DAY2 = Instant.parse("2024-10-08T10:00:00Z");

    @Test
    void aRetitledNextVersionTouchingTheSameFilesIsLinkedBothWays() {
        SeriesPosting v1 = posting("v1@x", "mm, hugetlb: add hugeTLB accounting to memory controller", 1, "", DAY1,
                List.of("mm/hugetlb.c", "mm/memcontrol.c", "include/linux/memcontrol.h"), List.of());
        SeriesPosting v2 = posting("v2@x", "memcg, hugetlb: add hugeTLB accounting to memcg", 2, "", DAY2,
                List.of("mm/hugetlb.c", "mm/memcontrol.c", "include/linux/memcontrol.h"), List.of());
        LineageBook book = new LineageBook();
        var first = book.apply(LineageState.empty("dev@example.org"), v2, 1);
        assertThat(first.drafts()).isEmpty();
        var second = book.apply(first.state(), v1, 1);
        assertThat(second.drafts()).extracting(TopicDraft::titleKey).containsExactlyInAnyOrder(v1.titleKey(), v2.titleKey());
        TopicDraft newer = second.drafts().stream().filter(d -> d.titleKey().equals(v1.titleKey())).findFirst().orElseThrow();
        assertThat(newer.enrichment().target()).isEqualTo("v1@x");
        assertThat(newer.enrichment().messageId()).isEqualTo("v2@x");
        assertThat(newer.enrichment().fixStatus()).isEqualTo("superseded");

        // the other arrival order gives the same links
        var other = book.apply(book.apply(LineageState.empty("dev@example.org"), v1, 1).state(), v2, 1);
        assertThat(other.drafts()).extracting(TopicDraft::threadId)
                .containsExactlyInAnyOrderElementsOf(second.drafts().stream().map(TopicDraft::threadId).toList());
    }

    @Test
    void anUpdateSendsOnlyLinksThatAreNewOrChanged() {
        List<String> files = List.of("mm/hugetlb.c", "mm/memcontrol.c");
        SeriesPosting v1 = posting("v1@x", "mm, hugetlb: add hugeTLB accounting to memory controller", 1, "", DAY1, files,
                List.of());
        SeriesPosting v2 = posting("v2@x", "memcg, hugetlb: add hugeTLB accounting to memcg", 2, "", DAY2, files, List.of());
        LineageBook book = new LineageBook();
        var linked = book.apply(book.apply(LineageState.empty("dev@example.org"), v1, 1).state(), v2, 1);
        assertThat(linked.drafts()).hasSize(2);

        // the thread of v2 took a reply: the same posting again, a later sequence
        var again = book.apply(linked.state(), v2, 2);
        assertThat(again.drafts()).as("unchanged links are not sent again").isEmpty();

        // v2's cover letter arrived and renamed the thread: the entry under v1's title changes, the old one under v2's
        // old title is removed and the new title gets its own
        SeriesPosting retitled = posting("v2@x", "memcg, hugetlb: add hugeTLB page accounting to memcg", 2, "", DAY2, files, List.of());
        var moved = book.apply(again.state(), retitled, 3);
        assertThat(moved.drafts()).extracting(TopicDraft::titleKey, TopicDraft::removed).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(v1.titleKey(), false),
                org.assertj.core.groups.Tuple.tuple(retitled.titleKey(), false),
                org.assertj.core.groups.Tuple.tuple(v2.titleKey(), true));
    }

    @Test
    void theChangeIdDecidesWhenBothCarryOne() {
        SeriesPosting v1 = posting("a@x", "dev cgroup", 1, "20241001-dev-1", DAY1, List.of("kernel/cgroup/dev.c"), List.of());
        SeriesPosting v3 = posting("b@x", "dmem cgroup", 3, "20241001-dev-1", DAY2, List.of("kernel/cgroup/dmem.c"), List.of());
        SeriesPosting other = posting("c@x", "dmem cgroup docs", 2, "20241005-other", DAY2, List.of("kernel/cgroup/dev.c"),
                List.of());
        assertThat(LineageBook.linked(v1, v3)).isTrue();
        assertThat(LineageBook.linked(v1, other)).as("another change-id").isFalse();
    }

    @Test
    void aLoreLinkToThePreviousPostingLinksEvenWithOtherFiles() {
        SeriesPosting v1 = posting("old@x", "mm: move memcg logic into memcg code", 1, "", DAY1, List.of("mm/vmalloc.c"),
                List.of());
        SeriesPosting v2 = posting("new@x", "mm: fix accounting of VmallocUsed", 2, "", DAY2, List.of("mm/memcontrol.c"),
                List.of("old@x"));
        assertThat(LineageBook.linked(v1, v2)).isTrue();
    }

    @Test
    void withoutTheNextVersionOrSharedWorkNothingIsLinked() {
        SeriesPosting v1 = posting("p@x", "mm: fix a hang in exit", 1, "", DAY1, List.of("mm/memcontrol.c"), List.of());
        SeriesPosting unversioned = posting("q@x", "mm: another approach to the exit hang", 1, "", DAY2,
                List.of("mm/memcontrol.c"), List.of());
        SeriesPosting unrelated = posting("r@x", "cgroup: docs typo", 2, "", DAY2, List.of("Documentation/cgroup.rst"),
                List.of());
        assertThat(LineageBook.linked(v1, unversioned)).as("no new version").isFalse();
        assertThat(LineageBook.linked(v1, unrelated)).as("nothing in common").isFalse();
        SeriesPosting otherApproach = posting("t@x", "memcg: allow exiting tasks to write back data to swap", 2, "", DAY2,
                List.of("mm/memcontrol.c"), List.of());
        assertThat(LineageBook.linked(v1, otherApproach)).as("the same single file, another change").isFalse();
        assertThat(LineageBook.linked(v1, new SeriesPosting("s@x", "s@x", "mm: fix the exit hang", "mm: fix the exit hang",
                "other@example.org", 2, false, "", DAY2, List.of("mm/memcontrol.c"), List.of(), List.of(), "proposed")))
                .as("another author").isFalse();
    }

    @Test
    void everyLinkWithoutAChangeIdIsBetweenLinkableSlots() {
        // the lineage stage reads only these versions (and the same change-id) of an author's history
        List<String> files = List.of("mm/damon/core.c", "mm/damon/sysfs.c");
        for (int older = 1; older <= 6; older++) {
            for (int newer = 1; newer <= 6; newer++) {
                for (boolean rfc : List.of(false, true)) {
                    for (boolean newerRfc : List.of(false, true)) {
                        SeriesPosting a = new SeriesPosting("a@x", "a@x", "damon: add a knob", "damon: add a knob",
                                "dev@example.org", older, rfc, "", DAY1, files, List.of(), List.of(), "proposed");
                        SeriesPosting b = new SeriesPosting("b@x", "b@x", "mm/damon: add the knob", "mm/damon: add the knob",
                                "dev@example.org", newer, newerRfc, "", DAY2, files, List.of("a@x"), List.of(), "proposed");
                        if (LineageBook.linked(a, b)) {
                            assertThat(LineageBook.inLinkableSlot(b, a)).as("v%d rfc=%s -> v%d rfc=%s", older, rfc, newer,
                                    newerRfc).isTrue();
                            assertThat(LineageBook.inLinkableSlot(a, b)).as("v%d rfc=%s -> v%d rfc=%s", older, rfc, newer,
                                    newerRfc).isTrue();
                        }
                    }
                }
            }
        }
        assertThat(LineageBook.linked(posting("o@x", "x one", 3, "", DAY1, files, List.of()),
                posting("n@x", "x two", 4, "", DAY2, files, List.of("o@x")))).as("the case above does link").isTrue();
    }
}
