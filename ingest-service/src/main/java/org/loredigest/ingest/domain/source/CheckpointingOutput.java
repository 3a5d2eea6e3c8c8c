package org.loredigest.ingest.domain.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.loredigest.events.IngestCheckpoint;
import org.loredigest.events.MailReceived;
import org.loredigest.ingest.domain.RejectedMail;
import org.loredigest.ingest.domain.dedup.DuplicateFilter;
import org.loredigest.mail.header.RawHeader;

/**
 * One poll of one source: turns what the reader hands over into records, groups them into batches and commits each
 * batch with the cursor that covers it. The cursor only advances by commits, so whatever happens between two
 * commits (a crash, a broker error) is read again from the last committed cursor and nothing is lost or doubled.
 */
final class CheckpointingOutput implements SourceOutput {

    private final SourceSpec spec;
    private final CheckpointedSink sink;
    private final DuplicateFilter filter;
    private final SourceStats stats;
    private final Clock clock;
    private final int maxMessageBytes;
    private final int batchSize;
    private final Duration batchAge;
    private final BooleanSupplier stop;

    private final Map<String, String> cursor;
    private IngestCheckpoint committed;
    private long published;
    private long publishedInPoll;
    private final List<String> claimed = new ArrayList<>();
    private Object batchToken = new Object();
    private int pending;
    private boolean cursorMoved;
    private Instant batchStarted;
    /** What the reader last said it still has to read, this entry included; -1: it cannot tell. */
    private long remaining = -1;

    CheckpointingOutput(SourceSpec spec, IngestCheckpoint start, CheckpointedSink sink, DuplicateFilter filter,
                        SourceStats stats, Clock clock, SourceSettings settings, BooleanSupplier stop) {
        this.spec = spec;
        this.committed = start;
        this.sink = sink;
        this.filter = filter;
        this.stats = stats;
        this.clock = clock;
        this.maxMessageBytes = settings.maxMessageBytes();
        this.batchSize = settings.batchSize();
        this.batchAge = settings.batchAge();
        this.stop = stop;
        this.cursor = new HashMap<>(start.cursor());
        this.published = start.messages();
    }

    @Override
    public void mail(byte[] raw, String source, String position) {
        if (raw.length > maxMessageBytes) {
            rejected(source, position, "message of " + raw.length + " bytes exceeds the limit of " + maxMessageBytes
                    + " bytes", java.util.Arrays.copyOf(raw, 64 * 1024));
            return;
        }
        if (raw.length == 0) {
            rejected(source, position, "empty message", raw);
            return;
        }
        DuplicateFilter.Admission admission = filter.admit(RawHeader.scan(raw), batchToken);
        if (!admission.isNew()) {
            stats.duplicate();
            return;
        }
        claimed.add(admission.key());
        startBatch();
        sink.accept(new MailReceived(admission.key(), spec.list(), source, position, clock.instant(), raw,
                remaining < 0 ? -1 : Math.max(0, remaining - 1)), admission.digest());
        pending++;
        published++;
        publishedInPoll++;
    }

    @Override
    public void rejected(String source, String position, String reason, byte[] payload) {
        startBatch();
        sink.reject(new RejectedMail(spec.list(), source, position, reason, clock.instant(), payload));
        pending++;
        stats.deadLettered();
    }

    @Override
    public void skipped(String source, String position, String reason) {
        stats.skipped();
    }

    @Override
    public void advance(String key, String value) {
        cursor.put(key, value);
        cursorMoved = true;
        startBatch();
        if (pending >= batchSize || Duration.between(batchStarted, clock.instant()).compareTo(batchAge) >= 0) {
            commit();
        }
    }

    @Override
    public void remaining(long entries) {
        remaining = entries;
        stats.lag(entries);
    }

    @Override
    public boolean stopRequested() {
        return stop.getAsBoolean();
    }

    /** Commits what is pending; called at the end of a poll. */
    void finish() {
        if (pending > 0 || cursorMoved) {
            commit();
        }
    }

    /** Drops what is pending after a failure: the next poll starts from {@link #committed()}. */
    void abandon() {
        try {
            sink.abort();
        } finally {
            filter.release(claimed, batchToken);
            claimed.clear();
            pending = 0;
            cursorMoved = false;
            batchStarted = null;
        }
    }

    IngestCheckpoint committed() {
        return committed;
    }

    long publishedInPoll() {
        return publishedInPoll;
    }

    private void startBatch() {
        if (batchStarted == null) {
            batchStarted = clock.instant();
        }
    }

    private void commit() {
        Instant now = clock.instant();
        IngestCheckpoint next = new IngestCheckpoint(spec.name(), spec.type().id(), spec.list(), spec.url(),
                spec.pollInterval().toString(), spec.origin(), cursor, published, now);
        sink.commit(next);
        committed = next;
        stats.committed(next.cursor(), published, now);
        claimed.clear();
        batchToken = new Object();
        pending = 0;
        cursorMoved = false;
        batchStarted = null;
    }
}
