package org.loredigest.classify.domain.thread;

import java.time.Duration;

/**
 * When thread state publishes the threads that changed. Live, every {@link #interval}: a new mail is in the digest
 * within seconds. While the task reads a backlog (the freshest input of the last interval was written more than
 * {@link #backlogLag} ago: a backfill, or a restart after an outage) publishing is deferred, up to
 * {@link #maxDeferral}: a long thread whose mails are spread through the whole backlog is then classified and sent
 * once per deferral instead of about once per mail, each time larger. As soon as input is fresh again, or none came
 * for {@link #quietAfter()} (the lag is worked off), everything pending is published.
 *
 * <p>Two signs tell a backlog. The lag, not the input rate: a backfill read slowly is still a backfill, and a slow
 * pipeline must not look live because it is slow (record timestamps are the producer's clock, so hosts are expected to
 * keep their clocks within a fraction of {@link #backlogLag}). And the source's own word: a mail whose source still had
 * at least {@link #backlogEntries} entries to read behind it (ingest's {@code lore.source-backlog}) is part of a
 * backfill even when every stage keeps up with the one before, which is what a backfill looks like when ingest is the
 * slowest stage or all stages share the same cores.
 *
 * @param interval       how often the decision is taken (the live publishing interval)
 * @param backlogLag     how old the freshest input may be before the task counts as reading a backlog; zero turns
 *                       deferral off
 * @param maxDeferral    the longest a changed thread waits during a backlog
 * @param backlogEntries how many entries a source must still have had to read behind every mail of an interval for
 *                       the interval to count as a backlog; 0: the sources' word is not taken
 */
public record FlushPace(Duration interval, Duration backlogLag, Duration maxDeferral, long backlogEntries) {

    /** The default for {@link #backlogEntries}: more than a few hours of linux-mm, far less than a backfill. */
    public static final long BACKLOG_ENTRIES = 200;
    /** Live every second; a backlog (input older than 5 s, or 200 entries behind) publishes at least every 60 s. */
    public static final FlushPace DEFAULT = new FlushPace(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(60));

    public FlushPace(Duration interval, Duration backlogLag, Duration maxDeferral) {
        this(interval, backlogLag, maxDeferral, BACKLOG_ENTRIES);
    }

    public FlushPace {
        if (backlogEntries < 0) {
            throw new IllegalArgumentException("the backlog entries cannot be negative, was " + backlogEntries);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the flush interval must be positive, was " + interval);
        }
        if (backlogLag.isNegative()) {
            throw new IllegalArgumentException("the backlog lag cannot be negative, was " + backlogLag);
        }
        if (maxDeferral.compareTo(interval) < 0) {
            throw new IllegalArgumentException("the longest deferral (" + maxDeferral + ") is shorter than the interval ("
                    + interval + ")");
        }
    }

    /** Publishing on every interval, however old the input (what tests of single mails want). */
    public static FlushPace every(Duration interval) {
        return new FlushPace(interval, Duration.ZERO, interval, 0);
    }

    /** No input for this long: the task has caught up (a second without input alone may be a busy stream thread). */
    public Duration quietAfter() {
        return interval.multipliedBy(3);
    }

    /** {@link #due(Duration, long, Duration)} for input whose sources said nothing about their backlog. */
    public boolean due(Duration freshestInputLag, Duration sinceLastFlush) {
        return due(freshestInputLag, -1, sinceLastFlush);
    }

    /**
     * @param freshestInputLag how long ago the freshest recent input was written; zero once the task is quiet
     * @param sourceBacklog    the fewest entries any recent input's source still had to read behind it; -1 when one
     *                         of them did not say, or the task is quiet
     * @param sinceLastFlush   time since thread state last published
     */
    public boolean due(Duration freshestInputLag, long sourceBacklog, Duration sinceLastFlush) {
        boolean backlog = !backlogLag.isZero() && (freshestInputLag.compareTo(backlogLag) > 0
                || backlogEntries > 0 && sourceBacklog >= backlogEntries);
        return !backlog || sinceLastFlush.compareTo(maxDeferral) >= 0;
    }
}
