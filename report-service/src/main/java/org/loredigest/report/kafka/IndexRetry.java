package org.loredigest.report.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.loredigest.report.elasticsearch.IndexOutcome;

/**
 * Retries a batch while Elasticsearch is unavailable or overloaded, with exponential backoff up to a deadline;
 * refused items are handed to a callback (dead-lettering). Throws when the deadline passes, so the batch stays
 * unacknowledged rather than lost.
 */
final class IndexRetry {

    private static final Logger LOG = Logger.getLogger(IndexRetry.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private IndexRetry() {
    }

    static <T> void run(List<T> items, Function<List<T>, IndexOutcome<T>> attempt, BiConsumer<T, String> refused,
                        Duration retryFor) {
        Instant giveUpAt = Instant.now().plus(retryFor);
        Duration backoff = FIRST_BACKOFF;
        List<T> pending = items;
        Exception lastError = null;
        while (!pending.isEmpty()) {
            try {
                IndexOutcome<T> outcome = attempt.apply(pending);
                outcome.refused().forEach(refused);
                pending = outcome.retry();
            } catch (RuntimeException e) {
                lastError = e;
                LOG.warnf("indexing %d documents failed (%s); retrying in %d ms", pending.size(), e.getMessage(), backoff.toMillis());
            }
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(giveUpAt)) {
                throw new IllegalStateException("Elasticsearch did not take " + pending.size() + " documents within "
                        + retryFor + "; stopping without acknowledging them", lastError);
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
