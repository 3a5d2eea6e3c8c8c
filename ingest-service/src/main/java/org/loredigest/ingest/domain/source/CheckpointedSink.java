package org.loredigest.ingest.domain.source;

import org.loredigest.events.IngestCheckpoint;
import org.loredigest.events.MailReceived;
import org.loredigest.ingest.domain.RejectedMail;

/**
 * Where a source's mail goes: everything handed over since the last commit is stored together with the checkpoint
 * that covers it, or not at all. One instance per source.
 */
public interface CheckpointedSink extends AutoCloseable {

    /** Hands over one mail; {@code contentDigest} travels with it (see {@code ContentDigest}). */
    void accept(MailReceived mail, String contentDigest);

    void reject(RejectedMail rejected);

    /**
     * Stores everything handed over since the last commit and the checkpoint, atomically.
     *
     * @throws org.loredigest.ingest.domain.SinkFailedException when nothing of it was stored
     */
    void commit(IngestCheckpoint checkpoint);

    /** Drops everything handed over since the last commit. */
    void abort();

    @Override
    void close();
}
