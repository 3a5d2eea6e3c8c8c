package org.loredigest.classify.domain.thread;

import java.time.Duration;

/**
 * When thread state publishes the threads that changed. Live, every {@link #interval}: a new mail is in the digest
 * within seconds. During a backfill (more than {@link #backlogPerInterval} inputs reached the task in the last
 * interval) publishing is deferred, up to {@link #maxDeferral}: a long thread whose mails are spread through the
 * whole backlog is then classified and sent once per deferral instead of about once per mail, each time larger. As
 * soon as an interval brings fewer inputs (the lag is worked off, or the input slowed down) everything pending is
 * published.
 *
 * @param interval           how often the decision is taken (the live publishing interval)
 * @param backlogPerInterval inputs per interval above which the task is catching up with a backlog; 0 turns deferral off
 * @param maxDeferral        the longest a changed thread waits during a backlog
 */
public record FlushPace(Duration interval, int backlogPerInterval, Duration maxDeferral) {

    /** Live every second; a backlog publishes at least every 30 s. */
    public static final FlushPace DEFAULT = new FlushPace(Duration.ofSeconds(1), 200, Duration.ofSeconds(30));

    public FlushPace {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the flush interval must be positive, was " + interval);
        }
        if (backlogPerInterval < 0) {
            throw new IllegalArgumentException("the backlog threshold cannot be negative, was " + backlogPerInterval);
        }
        if (maxDeferral.compareTo(interval) < 0) {
            throw new IllegalArgumentException("the longest deferral (" + maxDeferral + ") is shorter than the interval ("
                    + interval + ")");
        }
    }

    /** Publishing on every interval, whatever the input rate (what tests of single mails want). */
    public static FlushPace every(Duration interval) {
        return new FlushPace(interval, 0, interval);
    }

    /**
     * @param arrivedInLastInterval inputs the task processed since the previous decision
     * @param sinceLastFlush        time since thread state last published
     */
    public boolean due(long arrivedInLastInterval, Duration sinceLastFlush) {
        boolean backlog = backlogPerInterval > 0 && arrivedInLastInterval > backlogPerInterval;
        return !backlog || sinceLastFlush.compareTo(maxDeferral) >= 0;
    }
}
