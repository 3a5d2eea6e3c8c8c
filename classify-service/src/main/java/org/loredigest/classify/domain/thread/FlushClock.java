package org.loredigest.classify.domain.thread;

import java.time.Duration;

/**
 * Applies a {@link FlushPace} to one stream task: takes note of every input (its timestamp and what its source still
 * had to read behind it) and decides at every interval whether to publish. Plain state, no clock of its own: the
 * caller passes the punctuation time.
 *
 * <p>A second without input is no sign of a worked-off backlog (the stream thread may have been busy with other tasks),
 * so the last lag and source backlog hold until the task has been quiet for {@link FlushPace#quietAfter()}.
 */
public final class FlushClock {

    private final FlushPace pace;
    /** Timestamp of the freshest input since the last decision; -1: none. */
    private long freshestSinceTick = -1;
    /** The fewest entries a source had left behind any input since the last decision; -1: one did not say. */
    private long fewestBehindSinceTick = Long.MAX_VALUE;
    private Duration lastLag = Duration.ZERO;
    private long lastSourceBacklog = -1;
    private long lastInputAt = -1;
    private long lastFlush = -1;
    private long backlogOfLastFlush = -1;

    public FlushClock(FlushPace pace) {
        this.pace = pace;
    }

    /** One input: its record timestamp, and how many entries its source still had behind it (-1: it did not say). */
    public void input(long timestamp, long sourceBacklog) {
        freshestSinceTick = Math.max(freshestSinceTick, timestamp);
        fewestBehindSinceTick = Math.min(fewestBehindSinceTick, sourceBacklog);
    }

    /** The interval has passed at {@code now} (wall clock, ms): true when what changed is to be published now. */
    public boolean tick(long now) {
        if (lastFlush < 0) {
            lastFlush = now - pace.interval().toMillis(); // the clock a task sees at init is not its punctuation clock
        }
        if (freshestSinceTick >= 0) {
            lastLag = Duration.ofMillis(Math.max(0, now - freshestSinceTick));
            lastSourceBacklog = fewestBehindSinceTick;
            lastInputAt = now;
        }
        freshestSinceTick = -1;
        fewestBehindSinceTick = Long.MAX_VALUE;
        boolean quiet = lastInputAt < 0 || now - lastInputAt >= pace.quietAfter().toMillis();
        long sourceBacklog = quiet ? -1 : lastSourceBacklog;
        if (!pace.due(quiet ? Duration.ZERO : lastLag, sourceBacklog, Duration.ofMillis(now - lastFlush))) {
            return false;
        }
        lastFlush = now;
        backlogOfLastFlush = pace.backlogEntries() > 0 && sourceBacklog >= pace.backlogEntries() ? sourceBacklog : -1;
        return true;
    }

    /**
     * When the last publication was forced by the longest deferral while sources still had much to read: that
     * backlog, which the published records pass on so that the next stage defers too; else -1.
     */
    public long backlogOfLastFlush() {
        return backlogOfLastFlush;
    }
}
