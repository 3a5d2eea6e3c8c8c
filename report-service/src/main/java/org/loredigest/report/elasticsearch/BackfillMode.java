package org.loredigest.report.elasticsearch;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides from consumed batches when an index's refresh interval is relaxed (a backlog is being indexed: refreshing
 * every second then costs Elasticsearch much of its CPU) and when it is restored (the consumer caught up, or no batch
 * came for a while). A batch belongs to a backlog when it is large, or when even its freshest record was written
 * longer than {@code backlogLag} ago: in a backfill whose pace an earlier stage sets, batches stay small, but the mail
 * in them was read from the archives long before. It has caught up when a small batch's freshest record is at most
 * {@code caughtUpLag} old; a small batch older than that (the consumer still behind, between two large polls) changes
 * nothing, so that a backlog polled in batches of uneven size does not switch the interval back and forth (each
 * switch is a settings update and a refresh). Not thread-safe: one instance per index, used under its owner's lock.
 */
public final class BackfillMode {

    /** What to do with the refresh interval after a batch or a quiet spell. */
    public enum Switch {
        RELAX, RESTORE, NONE
    }

    private final int largeBatch;
    private final int largeBatchesToRelax;
    private final Duration idleRestoreAfter;
    private final Duration backlogLag;
    private final Duration caughtUpLag;
    private int largeInARow;
    private boolean relaxed;
    private Instant lastBatch = Instant.MIN;

    /** By size only: any small batch has caught up. */
    public BackfillMode(int largeBatch, int largeBatchesToRelax, Duration idleRestoreAfter) {
        this(largeBatch, largeBatchesToRelax, idleRestoreAfter, Duration.ZERO, Duration.ZERO);
    }

    /**
     * @param backlogLag  a batch whose freshest record is older than this is backlog too; zero: by size only
     * @param caughtUpLag a small batch whose freshest record is at most this old has caught up; zero: any small batch
     */
    public BackfillMode(int largeBatch, int largeBatchesToRelax, Duration idleRestoreAfter, Duration backlogLag,
                        Duration caughtUpLag) {
        if (largeBatch < 1 || largeBatchesToRelax < 1) {
            throw new IllegalArgumentException("large batch and batches to relax must be at least 1");
        }
        if (backlogLag.isNegative() || caughtUpLag.isNegative()) {
            throw new IllegalArgumentException("lags cannot be negative, were " + backlogLag + " and " + caughtUpLag);
        }
        if (!backlogLag.isZero() && caughtUpLag.compareTo(backlogLag) > 0) {
            throw new IllegalArgumentException("the caught-up lag (" + caughtUpLag + ") cannot exceed the backlog lag ("
                    + backlogLag + ")");
        }
        this.largeBatch = largeBatch;
        this.largeBatchesToRelax = largeBatchesToRelax;
        this.idleRestoreAfter = idleRestoreAfter;
        this.backlogLag = backlogLag;
        this.caughtUpLag = caughtUpLag;
    }

    public Switch onBatch(int records, Instant now) {
        return onBatch(records, Duration.ZERO, now);
    }

    /** @param freshestLag how long ago the batch's freshest record was written */
    public Switch onBatch(int records, Duration freshestLag, Instant now) {
        lastBatch = now;
        boolean lagging = !backlogLag.isZero() && freshestLag.compareTo(backlogLag) > 0;
        if (records >= largeBatch || lagging) {
            largeInARow++;
            if (!relaxed && largeInARow >= largeBatchesToRelax) {
                relaxed = true;
                return Switch.RELAX;
            }
            return Switch.NONE;
        }
        largeInARow = 0;
        boolean caughtUp = caughtUpLag.isZero() || freshestLag.compareTo(caughtUpLag) <= 0;
        return caughtUp ? restoreIfRelaxed() : Switch.NONE;
    }

    /** Called now and then between batches: a relaxed index whose consumer has gone quiet is restored. */
    public Switch onTick(Instant now) {
        if (relaxed && !lastBatch.plus(idleRestoreAfter).isAfter(now)) {
            largeInARow = 0;
            return restoreIfRelaxed();
        }
        return Switch.NONE;
    }

    /**
     * The interval's state is unknown (start-up: an earlier instance may have stopped while relaxed), so treat it as
     * relaxed: the next small batch or quiet spell restores it, unless a backlog keeps it relaxed anyway.
     */
    public void assumeRelaxed() {
        relaxed = true;
        largeInARow = 0;
    }

    /** Restore now if relaxed (or assumed to be). */
    public Switch restoreNow() {
        largeInARow = 0;
        return restoreIfRelaxed();
    }

    /** The settings call for {@code attempted} failed: go back so the next batch or tick tries again. */
    public void failed(Switch attempted) {
        switch (attempted) {
            case RELAX -> relaxed = false;
            case RESTORE -> relaxed = true;
            case NONE -> {
            }
        }
    }

    public boolean relaxed() {
        return relaxed;
    }

    private Switch restoreIfRelaxed() {
        if (!relaxed) {
            return Switch.NONE;
        }
        relaxed = false;
        return Switch.RESTORE;
    }
}
