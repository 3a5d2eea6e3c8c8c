package org.loredigest.ingest.kafka;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.loredigest.ingest.domain.SinkFailedException;

/**
 * The outcome of every send of a sink, as its callback: sends are asynchronous for throughput, so failures are
 * counted here and turned into a {@link SinkFailedException} when the sink flushes or commits.
 */
final class SendOutcomes implements Callback {

    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, exception);
        }
    }

    long failed() {
        return failed.get();
    }

    /** The first failure, else {@code fallback}. */
    Exception firstFailureOr(Exception fallback) {
        Exception first = firstFailure.get();
        return first != null ? first : fallback;
    }

    void throwIfAnyFailed() {
        if (failed.get() > 0) {
            throw new SinkFailedException(failed.get(), firstFailure.get());
        }
    }

    void reset() {
        failed.set(0);
        firstFailure.set(null);
    }
}
