package org.loredigest.classify.domain.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.thread.TopicDraft;
import org.loredigest.events.ThreadClassified;

/** Versions the series stage gives a thread id: they only grow, and a re-drafted thread outranks what was published. */
class SeriesBookVersionTest {

    private final SeriesBook book = new SeriesBook();
    private final Map<String, ThreadClassified> stored = new HashMap<>();

    @Test
    void theSameDraftDeliveredAgainPublishesNothing() {
        SeriesState state = apply(SeriesState.empty("t"), draft("v3", "t", 1, 3)).state();
        assertThat(apply(state, draft("v3", "t", 1, 3)).emissions()).isEmpty();
    }

    /**
     * A thread id two buckets published (its real root's bucket under one title; a bucket of replies that arrived
     * before the root, under another) is drafted again by thread state with a count above both. The record is the same
     * as the one its title published before, yet it must go out again: the other title may have published the thread id
     * at a higher version meanwhile, and the index keeps the highest.
     */
    @Test
    void anUnchangedDraftCountedHigherIsPublishedAboveBothPublications() {
        SeriesState real = apply(SeriesState.empty("real title"), draft("v3", "real title", 1, 3)).state();
        SeriesState early = apply(SeriesState.empty("early title"), draft("v3", "early title", 1, 4)).state();
        // the early title re-published it as its other threads changed
        SeriesBook.Update relinked = apply(early, draft("other", "early title", 1, 2));
        long earlyVersion = relinked.emissions().stream().filter(e -> e.threadId().equals("v3"))
                .mapToLong(e -> e.value().version()).max().orElse(1000);

        SeriesBook.Update adopted = apply(real, draft("v3", "real title", 2, 3));

        assertThat(adopted.emissions()).singleElement().satisfies(e -> {
            assertThat(e.threadId()).isEqualTo("v3");
            assertThat(e.value().messageCount()).isEqualTo(3);
            assertThat(e.value().version()).isGreaterThan(earlyVersion).isEqualTo(2 * SeriesBook.VERSION_STEP);
        });
        assertThat(apply(adopted.state(), draft("v3", "real title", 2, 3)).emissions()).isEmpty();
    }

    private SeriesBook.Update apply(SeriesState state, TopicDraft draft) {
        stored.put(draft.titleKey() + "/" + draft.threadId(), draft.draft());
        return book.apply(state, draft, id -> stored.get(state.titleKey() + "/" + id));
    }

    private static TopicDraft draft(String threadId, String title, long sequence, int messages) {
        ThreadClassified record = new ThreadClassified(threadId, sequence, null, List.of("cgroups"), List.of(), title, title,
                threadId, false, "PATCH", null, null, List.of(), messages, 0, Instant.parse("2024-06-03T12:31:01Z"), null, null,
                null, null, null, new ThreadClassified.Label("proposed", List.of(), List.of()), null, null, null, List.of(),
                List.of(), List.of(), List.of(), List.of());
        return new TopicDraft(threadId, title, sequence, false, true, record, null, null);
    }
}
