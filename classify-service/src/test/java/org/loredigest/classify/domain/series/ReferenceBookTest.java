package org.loredigest.classify.domain.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.thread.TopicDraft;

class ReferenceBookTest {

    final ReferenceBook book = new ReferenceBook();
    final ReferenceState.Patch proposed = new ReferenceState.Patch("fix@x", "fix@x", "mm: fix it", "proposed");
    final ReferenceState.Patch applied = new ReferenceState.Patch("fix@x", "fix@x", "mm: fix it", "applied");

    @Test
    void theReportGetsThePatchStatusWithThePatchAsEvidenceInEitherOrder() {
        var reportFirst = book.patch(book.report(ReferenceState.empty("bug@x"), "bug@x", "oops in foo", 1).state(), proposed, 1);
        var patchFirst = book.report(book.patch(ReferenceState.empty("bug@x"), proposed, 1).state(), "bug@x", "oops in foo", 1);
        for (var update : java.util.List.of(reportFirst, patchFirst)) {
            assertThat(update.drafts()).singleElement().satisfies(d -> {
                assertThat(d.titleKey()).isEqualTo("oops in foo");
                assertThat(d.topic()).isFalse();
                assertThat(d.enrichment().target()).isEqualTo("bug@x");
                assertThat(d.enrichment().messageId()).isEqualTo("fix@x");
                assertThat(d.enrichment().fixStatus()).isEqualTo("proposed");
            });
        }
        var later = book.patch(reportFirst.state(), applied, 2);
        assertThat(later.drafts()).extracting(d -> d.enrichment().fixStatus()).containsExactly("applied");
        assertThat(book.patch(later.state(), applied, 3).drafts()).as("nothing new").isEmpty();
    }

    @Test
    void aSupersededOrUnlabelledPatchIsStillAProposedFix() {
        var p = new ReferenceState.Patch("fix@x", "fix@x", "mm: fix it", "none");
        var update = book.patch(book.report(ReferenceState.empty("bug@x"), "bug@x", "oops", 1).state(), p, 1);
        assertThat(update.drafts()).extracting(d -> d.enrichment().fixStatus()).containsExactly("proposed");
    }

    @Test
    void aReportThatMovesToAnotherTitleTakesItsEvidenceAlong() {
        var first = book.patch(book.report(ReferenceState.empty("bug@x"), "bug@x", "oops", 1).state(), proposed, 1);
        var moved = book.report(first.state(), "bug@x", "oops in foo", 2);
        assertThat(moved.drafts()).extracting(TopicDraft::removed, TopicDraft::titleKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, "oops"),
                        org.assertj.core.groups.Tuple.tuple(false, "oops in foo"));
    }
}
