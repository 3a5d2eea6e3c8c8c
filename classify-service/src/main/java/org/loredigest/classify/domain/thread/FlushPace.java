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
 * <p>The lag, not the input rate, tells a backlog: a backfill read slowly is still a backfill, and a slow pipeline
 * must not look live because it is slow. Record timestamps are the producer's clock, so hosts are expected to keep
 * their clocks within a fraction of {@link #backlogLag}.
 *
 * @param interval    how often the decision is taken (the live publishing interval)
 * @param backlogLag  how old the freshest input may be before the task counts as reading a backlog; zero turns
 *                    deferral off
 * @param maxDeferral the longest a changed thread waits during a backlog
 */
public record FlushPace(Duration interval, Duration backlogLag, Duration maxDeferral) {

    /** Live every second; a backlog (input older than 5 s) publishes at least every 60 s. */
    public static final FlushPace DEFAULT = new FlushPace(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(60));

    public FlushPace {
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
        return new FlushPace(interval, Duration.ZERO, interval);
    }

    /** No input for this long: the task has caught up (a second without input alone may be a busy stream thread). */
    public Duration quietAfter() {
        return interval.multipliedBy(3);
    }

    /**
     * @param freshestInputLag how long ago the freshest recent input was written; zero once the task is quiet
     * @param sinceLastFlush   time since thread state last published
     */
    public boolean due(Duration freshestInputLag, Duration sinceLastFlush) {
        boolean backlog = !backlogLag.isZero() && freshestInputLag.compareTo(backlogLag) > 0;
        return !backlog || sinceLastFlush.compareTo(maxDeferral) >= 0;
    }
}
