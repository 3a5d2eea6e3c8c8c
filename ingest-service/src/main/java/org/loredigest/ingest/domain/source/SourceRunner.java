package org.loredigest.ingest.domain.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.loredigest.events.IngestCheckpoint;
import org.loredigest.ingest.domain.dedup.DuplicateFilter;

/**
 * Polls one source until stopped: each poll reads everything after the last committed checkpoint and commits it in
 * batches; a failed poll is retried from that checkpoint after an exponential backoff. Thread-safe controls
 * ({@link #requestPoll}, {@link #requestResync}, {@link #stop}) may be called from any thread.
 */
public final class SourceRunner {

    private static final Logger LOG = Logger.getLogger(SourceRunner.class.getName());

    private final SourceSpec spec;
    private final SourceReader reader;
    private final CheckpointedSink sink;
    private final DuplicateFilter filter;
    private final SourceSettings settings;
    private final Clock clock;
    private final SourceStats stats;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean stopping;
    private volatile boolean resync;
    private IngestCheckpoint committed;

    public SourceRunner(SourceSpec spec, IngestCheckpoint start, SourceReader reader, CheckpointedSink sink,
                        DuplicateFilter filter, SourceSettings settings, Clock clock) {
        this.spec = spec;
        this.reader = reader;
        this.sink = sink;
        this.filter = filter;
        this.settings = settings;
        this.clock = clock;
        this.stats = new SourceStats(spec);
        this.committed = start != null ? start : new IngestCheckpoint(spec.name(), spec.type().id(), spec.list(),
                spec.url(), spec.pollInterval().toString(), spec.origin(), Map.of(), 0, clock.instant());
        stats.restored(committed.cursor(), committed.messages());
    }

    public SourceSpec spec() {
        return spec;
    }

    public SourceStats stats() {
        return stats;
    }

    /** Writes the current checkpoint (and with it the source definition) without reading anything. */
    public synchronized void commitDefinition() {
        IngestCheckpoint now = new IngestCheckpoint(spec.name(), spec.type().id(), spec.list(), spec.url(),
                spec.pollInterval().toString(), spec.origin(), committed.cursor(), committed.messages(), clock.instant());
        sink.commit(now);
        committed = now;
    }

    /**
     * Reads everything new now and commits it.
     *
     * @return mail published by this poll
     * @throws Exception whatever made the poll fail; the committed checkpoint is unchanged by the failed part
     */
    public synchronized long pollOnce() throws Exception {
        if (resync) {
            resync = false;
            committed = new IngestCheckpoint(committed.source(), committed.type(), committed.list(), committed.url(),
                    committed.pollInterval(), committed.origin(), Map.of(), committed.messages(), clock.instant());
            LOG.info(() -> "source " + spec.name() + ": re-reading from the start");
        }
        Instant started = clock.instant();
        stats.pollStarted(started);
        CheckpointingOutput out = new CheckpointingOutput(spec, committed, sink, filter, stats, clock, settings,
                () -> stopping);
        try {
            reader.read(committed.cursor(), out);
            out.finish();
        } catch (Exception e) {
            committed = out.committed();
            out.abandon();
            stats.pollFailed(e);
            throw e;
        }
        committed = out.committed();
        stats.pollSucceeded(clock.instant(), out.publishedInPoll(), Duration.between(started, clock.instant()).toMillis());
        return out.publishedInPoll();
    }

    /** Polls, waits, polls again until {@link #stop} is called. */
    public void runUntilStopped() {
        while (!stopping) {
            Duration wait = spec.pollInterval();
            try {
                pollOnce();
            } catch (Exception e) {
                wait = backoff(stats.consecutiveFailures());
                LOG.log(Level.WARNING, "source " + spec.name() + " failed (" + stats.consecutiveFailures()
                        + " in a row), next try in " + wait + ": " + e, e);
            }
            if (stopping) {
                break;
            }
            try {
                if (wakeUp.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stats.stopped();
    }

    /** Polls now instead of waiting for the interval. */
    public void requestPoll() {
        wakeUp.release();
    }

    /** Forgets the cursor: the next poll reads the whole source again (copies are filtered as duplicates). */
    public void requestResync() {
        resync = true;
        wakeUp.release();
    }

    /** Makes a running poll return at the next entry boundary (committing what it read) and ends the loop. */
    public void stop() {
        stopping = true;
        wakeUp.release();
    }

    Duration backoff(int failures) {
        long factor = 1L << Math.min(16, Math.max(0, failures - 1));
        Duration wait = spec.pollInterval().multipliedBy(factor);
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
