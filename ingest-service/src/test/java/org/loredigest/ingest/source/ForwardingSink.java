package org.loredigest.ingest.source;

import org.loredigest.events.IngestCheckpoint;
import org.loredigest.events.MailReceived;
import org.loredigest.ingest.domain.RejectedMail;
import org.loredigest.ingest.domain.source.CheckpointedSink;

/** Passes everything to a real sink; restart tests override the step they interfere with. */
abstract class ForwardingSink implements CheckpointedSink {

    final CheckpointedSink real;

    ForwardingSink(CheckpointedSink real) {
        this.real = real;
    }

    @Override
    public void accept(MailReceived mail, String contentDigest) {
        real.accept(mail, contentDigest);
    }

    @Override
    public void reject(RejectedMail rejected) {
        real.reject(rejected);
    }

    @Override
    public void commit(IngestCheckpoint checkpoint) {
        real.commit(checkpoint);
    }

    @Override
    public void abort() {
        real.abort();
    }

    @Override
    public void close() {
        real.close();
    }
}
