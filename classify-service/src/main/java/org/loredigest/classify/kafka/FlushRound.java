package org.loredigest.classify.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.loredigest.events.MailHeaders;

/**
 * One publication of the keys a stage marked dirty, spread over as many punctuations as it needs. A punctuation runs
 * inside the task's transaction: a flush of everything a 60 s deferral gathered during a backfill can take longer than
 * the transaction timeout (10 s by default), and the broker then fences the producer, the task restarts from its last
 * commit and runs the same flush again, for ever. A round works through its keys for at most {@link #BUDGET} per
 * punctuation; keys marked after the round started wait for the next one.
 */
final class FlushRound {

    static final Duration BUDGET = Duration.ofSeconds(2);

    private final Duration budget;
    private final ArrayDeque<String> keys = new ArrayDeque<>();
    private RecordHeaders headers = new RecordHeaders();

    FlushRound() {
        this(BUDGET);
    }

    FlushRound(Duration budget) {
        this.budget = budget;
    }

    boolean active() {
        return !keys.isEmpty();
    }

    /** Starts a round over every key marked in {@code dirty}; its records carry the backlog they were made in (-1: none). */
    void start(KeyValueStore<String, String> dirty, long sourceBacklog) {
        List<String> marked = new ArrayList<>();
        try (KeyValueIterator<String, String> it = dirty.all()) {
            it.forEachRemaining(kv -> marked.add(kv.key));
        }
        start(marked, sourceBacklog);
    }

    /** Starts a round over {@code marked}. */
    void start(Iterable<String> marked, long sourceBacklog) {
        marked.forEach(keys::add);
        headers = new RecordHeaders();
        if (sourceBacklog >= 0) {
            headers.add(MailHeaders.SOURCE_BACKLOG, Long.toString(sourceBacklog).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Publishes keys of the round until it is done or the budget of this punctuation is spent. */
    void drain(Consumer<String> publish) {
        long deadline = System.nanoTime() + budget.toNanos();
        while (!keys.isEmpty() && System.nanoTime() - deadline < 0) {
            publish.accept(keys.poll());
        }
    }

    /** Headers for the records of this round (a copy: records must not share a mutable header list). */
    RecordHeaders headers() {
        return new RecordHeaders(headers.toArray());
    }
}
