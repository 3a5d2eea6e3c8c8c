package org.loredigest.ingest.domain.source;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of one source, updated by its runner and read by the API, metrics and health. Thread-safe. */
public final class SourceStats {

    private final SourceSpec spec;
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile long published;
    private volatile long lag = -1;
    private volatile Map<String, String> position = Map.of();
    private volatile String state = "starting";
    private volatile double messagesPerSecond;
    private volatile Instant lastPollAt;
    private volatile Instant lastSuccessAt;
    private volatile Instant lastCommitAt;
    private volatile int consecutiveFailures;
    private volatile String lastError;

    public SourceStats(SourceSpec spec) {
        this.spec = spec;
    }

    public SourceSpec spec() {
        return spec;
    }

    void pollStarted(Instant now) {
        lastPollAt = now;
        state = "polling";
    }

    void committed(Map<String, String> cursor, long totalPublished, Instant at) {
        position = cursor;
        published = totalPublished;
        lastCommitAt = at;
    }

    void restored(Map<String, String> cursor, long totalPublished) {
        position = cursor;
        published = totalPublished;
    }

    void pollSucceeded(Instant now, long publishedInPoll, long millis) {
        lastSuccessAt = now;
        consecutiveFailures = 0;
        lastError = null;
        state = "idle";
        if (publishedInPoll > 0) {
            messagesPerSecond = publishedInPoll * 1000.0 / Math.max(1, millis);
        }
    }

    void pollFailed(Exception e) {
        consecutiveFailures++;
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        state = "failing";
    }

    void stopped() {
        state = "stopped";
    }

    void lag(long entries) {
        lag = entries;
    }

    void duplicate() {
        duplicates.incrementAndGet();
    }

    void deadLettered() {
        deadLettered.incrementAndGet();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    public long skippedCount() {
        return skipped.get();
    }

    public long published() {
        return published;
    }

    public long lag() {
        return lag;
    }

    public double messagesPerSecond() {
        return messagesPerSecond;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public SourceStatus snapshot() {
        return new SourceStatus(spec.name(), spec.type().id(), spec.list(), spec.url(), state, position, lag,
                published, duplicates.get(), deadLettered.get(), skipped.get(), messagesPerSecond, lastPollAt,
                lastSuccessAt, lastCommitAt, consecutiveFailures, lastError);
    }
}
