package org.loredigest.ingest.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.loredigest.events.IngestCheckpoint;
import org.loredigest.events.MailReceived;
import org.loredigest.events.Topics;
import org.loredigest.ingest.domain.RejectedMail;
import org.loredigest.ingest.domain.SinkFailedException;
import org.loredigest.ingest.domain.source.CheckpointedSink;

/**
 * A source's sink: one transactional producer per source (transactional id = prefix + source name), one Kafka
 * transaction per batch holding the mail, the dead letters and the checkpoint. Consumers reading committed data see
 * a batch and its checkpoint together or not at all; a new instance of the same source fences an old one and
 * aborts its open transaction, so a crashed batch is read again from the checkpoint before it.
 */
public final class TransactionalSourceSink implements CheckpointedSink {

    static final String STAGE = "ingest-service/source";
    private static final int COMMIT_ATTEMPTS = 3;

    private final Producer<String, byte[]> producer;
    private final ObjectMapper json;
    private final SendOutcomes outcome = new SendOutcomes();
    private boolean inTransaction;

    /** @param producer a producer with a transactional id whose {@code initTransactions()} has been called */
    public TransactionalSourceSink(Producer<String, byte[]> producer, ObjectMapper json) {
        this.producer = producer;
        this.json = json;
    }

    @Override
    public void accept(MailReceived mail, String contentDigest) {
        begin();
        producer.send(ReceivedRecords.mail(mail, contentDigest, producer.partitionsFor(Topics.MAIL_RECEIVED).size()), outcome);
    }

    @Override
    public void reject(RejectedMail rejected) {
        begin();
        producer.send(ReceivedRecords.deadLetter(rejected, STAGE, json), outcome);
    }

    @Override
    public void commit(IngestCheckpoint checkpoint) {
        begin();
        try {
            producer.send(ReceivedRecords.checkpoint(checkpoint, json), outcome);
            commitWithRetry();
        } catch (KafkaException e) {
            long count = Math.max(1, outcome.failed());
            Exception cause = outcome.firstFailureOr(e);
            try {
                abort();
            } catch (KafkaException abortFailure) {
                cause.addSuppressed(abortFailure);
            }
            throw new SinkFailedException(count, cause);
        }
        inTransaction = false;
        // commitTransaction fails when a send failed; this only guards that promise.
        outcome.throwIfAnyFailed();
    }

    @Override
    public void abort() {
        if (inTransaction) {
            inTransaction = false;
            producer.abortTransaction();
        }
        outcome.reset();
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }

    private void begin() {
        if (!inTransaction) {
            outcome.reset();
            producer.beginTransaction();
            inTransaction = true;
        }
    }

    /** A commit that timed out may be retried; it either completes or reports the real failure. */
    private void commitWithRetry() {
        for (int attempt = 1; ; attempt++) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (attempt == COMMIT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
