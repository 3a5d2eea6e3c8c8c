package org.loredigest.reliability;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.loredigest.bench.pipeline.Pipeline;
import org.loredigest.bench.pipeline.ReadModelState;

/**
 * Where a backfill stands, so a fault lands in the middle of it: mail published by ingest, mail and topics
 * searchable in Elasticsearch, as fractions of the fault-free end state.
 */
final class Progress {

    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final Pipeline pipeline;
    private final ReadModelState expected;

    Progress(Pipeline pipeline, ReadModelState expected) {
        this.pipeline = pipeline;
        this.expected = expected;
    }

    /** Waits until ingest-service has published {@code fraction} of the mail; returns the count then. */
    long published(double fraction) throws InterruptedException {
        return await("published by ingest-service", fraction, expected.mailDocuments(), pipeline::published);
    }

    /** Waits until {@code fraction} of the mail is searchable. */
    long mails(double fraction) throws InterruptedException {
        return await("mails searchable", fraction, expected.mailDocuments(), () -> ReadModelState.mailCount(pipeline));
    }

    /** Waits until {@code fraction} of the topics are searchable. */
    long topics(double fraction) throws InterruptedException {
        return await("topics searchable", fraction, expected.topics().size(), () -> ReadModelState.topicCount(pipeline));
    }

    private static long await(String what, double fraction, long total, LongSupplier current) throws InterruptedException {
        long target = (long) Math.ceil(fraction * total);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            long now = current.getAsLong();
            if (now >= target) {
                Scenarios.log("%,d of %,d %s (wanted %.0f%%)", now, total, what, fraction * 100);
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + now + " of " + total + " " + what + " after " + TIMEOUT);
            }
            Thread.sleep(100);
        }
    }
}
