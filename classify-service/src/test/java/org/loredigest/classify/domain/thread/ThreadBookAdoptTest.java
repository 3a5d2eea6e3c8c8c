package org.loredigest.classify.domain.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadBookAdoptTest {

    @Test
    void publicationsOfOnlyTheFoldedBucketAreTakenOver() {
        var adoption = ThreadBook.adopt(Map.of("a", new Bucket.Published(2, "t", "a")),
                Map.of("x", new Bucket.Published(5, "u", "x\ny")));
        assertThat(adoption.published()).containsEntry("a", new Bucket.Published(2, "t", "a"))
                .containsEntry("x", new Bucket.Published(5, "u", "x\ny"));
        assertThat(adoption.drafts()).isEmpty();
    }

    /** Both published the thread id: the higher count and its title win, and the thread is published again. */
    @Test
    void aNewerPublicationOfTheFoldedBucketWinsAndTheOlderTitleDropsTheThread() {
        var adoption = ThreadBook.adopt(Map.of("v3", new Bucket.Published(2, "old title", "v3\nr1")),
                Map.of("v3", new Bucket.Published(4, "new title", "c\np1")));
        assertThat(adoption.published()).containsEntry("v3", new Bucket.Published(4, "new title", ThreadBook.ADOPTED));
        assertThat(adoption.drafts()).singleElement().satisfies(d -> {
            assertThat(d.threadId()).isEqualTo("v3");
            assertThat(d.titleKey()).isEqualTo("old title");
            assertThat(d.movedAway()).isTrue();
        });
    }

    @Test
    void aThreadIdBothPublishedThatVanishesIsRemovedFromTheNewerTitle() {
        Bucket bucket = new Bucket("b", java.util.List.of(), ThreadBook.adopt(Map.of("z", new Bucket.Published(1, "t", "z")),
                Map.of("z", new Bucket.Published(3, "u", "z\nq"))).published());
        var update = new ThreadBook(null, null).republish(bucket);
        assertThat(update.drafts()).singleElement().satisfies(d -> {
            assertThat(d.removed()).isTrue();
            assertThat(d.movedAway()).isFalse();
            assertThat(d.titleKey()).isEqualTo("u");
            assertThat(d.sequence()).isEqualTo(4);
        });
    }

    @Test
    void aNewerPublicationOfTheTargetStaysAndTheFoldedTitleDropsTheThread() {
        var adoption = ThreadBook.adopt(Map.of("v3", new Bucket.Published(6, "t", "v3\nr1")),
                Map.of("v3", new Bucket.Published(1, "u", "c")));
        assertThat(adoption.published()).containsEntry("v3", new Bucket.Published(6, "t", ThreadBook.ADOPTED));
        assertThat(adoption.drafts()).extracting(TopicDraft::titleKey).containsExactly("u");
    }
}
