package org.loredigest.ingest.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.Producer;
import org.loredigest.events.MailReceived;
import org.loredigest.events.Topics;
import org.loredigest.ingest.domain.MailSink;
import org.loredigest.ingest.domain.RejectedMail;

/**
 * Publishes mail to {@link Topics#MAIL_RECEIVED} and rejects to its dead-letter twin. Sends are asynchronous for
 * throughput; every send's outcome is recorded and {@link #flush()} fails if any was not acknowledged.
 * One instance per import: it counts only its own sends.
 */
public final class KafkaMailSink implements MailSink {

    static final String STAGE = "ingest-service/import";

    private final Producer<String, byte[]> producer;
    private final ObjectMapper json;
    private final SendOutcomes outcome = new SendOutcomes();

    public KafkaMailSink(Producer<String, byte[]> producer, ObjectMapper json) {
        this.producer = producer;
        this.json = json;
    }

    @Override
    public void accept(MailReceived mail, String contentDigest) {
        producer.send(ReceivedRecords.mail(mail, contentDigest, producer.partitionsFor(Topics.MAIL_RECEIVED).size()), outcome);
    }

    @Override
    public void reject(RejectedMail rejected) {
        producer.send(ReceivedRecords.deadLetter(rejected, STAGE, json), outcome);
    }

    @Override
    public void flush() {
        producer.flush();
        outcome.throwIfAnyFailed();
    }
}
