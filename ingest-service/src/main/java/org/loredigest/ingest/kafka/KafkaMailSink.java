package org.loredigest.ingest.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.MailReceived;
import org.loredigest.events.Topics;
import org.loredigest.ingest.domain.MailSink;
import org.loredigest.ingest.domain.RejectedMail;
import org.loredigest.ingest.domain.SinkFailedException;

/**
 * Publishes mail to {@link Topics#MAIL_RECEIVED} and rejects to its dead-letter twin. Sends are asynchronous for
 * throughput; every send's outcome is recorded and {@link #flush()} fails if any was not acknowledged.
 * One instance per import: it counts only its own sends.
 */
public final class KafkaMailSink implements MailSink {

    static final String STAGE = "ingest-service/import";

    private final Producer<String, byte[]> producer;
    private final ObjectMapper json;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final Callback outcome = (metadata, exception) -> {
        if (exception != null) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, exception);
        }
    };

    public KafkaMailSink(Producer<String, byte[]> producer, ObjectMapper json) {
        this.producer = producer;
        this.json = json;
    }

    @Override
    public void accept(MailReceived mail) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, MailHeaders.LIST, mail.list());
        header(headers, MailHeaders.SOURCE, mail.source());
        header(headers, MailHeaders.SOURCE_POSITION, mail.sourcePosition());
        header(headers, MailHeaders.RECEIVED_AT, mail.receivedAt().toString());
        if (!mail.key().startsWith(org.loredigest.events.MessageKey.CONTENT_PREFIX)) {
            header(headers, MailHeaders.MESSAGE_ID, mail.key());
        }
        producer.send(new ProducerRecord<>(Topics.MAIL_RECEIVED, null, mail.key(), mail.raw(), headers), outcome);
    }

    @Override
    public void reject(RejectedMail rejected) {
        DeadLetter letter = new DeadLetter(Topics.MAIL_RECEIVED, null, STAGE, rejected.reason(), "RejectedMail",
                rejected.receivedAt(),
                Map.of(MailHeaders.LIST, rejected.list(), MailHeaders.SOURCE, rejected.source(),
                        MailHeaders.SOURCE_POSITION, rejected.sourcePosition()),
                rejected.payload());
        byte[] value;
        try {
            value = json.writeValueAsBytes(letter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter not serialisable", e);
        }
        RecordHeaders headers = new RecordHeaders();
        header(headers, MailHeaders.DLQ_REASON, rejected.reason());
        header(headers, MailHeaders.DLQ_STAGE, STAGE);
        header(headers, MailHeaders.DLQ_ORIGINAL_TOPIC, Topics.MAIL_RECEIVED);
        header(headers, MailHeaders.DLQ_FAILED_AT, rejected.receivedAt().toString());
        String key = rejected.source() + "@" + rejected.sourcePosition();
        producer.send(new ProducerRecord<>(Topics.MAIL_RECEIVED_DLQ, null, key, value, headers), outcome);
    }

    @Override
    public void flush() {
        producer.flush();
        if (failed.get() > 0) {
            throw new SinkFailedException(failed.get(), firstFailure.get());
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
