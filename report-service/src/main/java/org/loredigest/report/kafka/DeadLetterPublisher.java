package org.loredigest.report.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.MailHeaders;

/**
 * Writes a consumed record that cannot be processed to a dead-letter topic as a {@link DeadLetter}, and waits for
 * the broker: the batch holding the record must not be acknowledged before its dead letter is stored.
 */
final class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final MutinyEmitter<byte[]> emitter;
    private final ObjectMapper json;
    private final String stage;

    DeadLetterPublisher(MutinyEmitter<byte[]> emitter, ObjectMapper json, String stage) {
        this.emitter = emitter;
        this.json = json;
        this.stage = stage;
    }

    void publish(ConsumerRecord<String, byte[]> record, String reason, String errorType) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        DeadLetter letter = new DeadLetter(record.topic(), record.key(), stage, reason, errorType, Instant.now(), headers,
                record.value());
        RecordHeaders kafkaHeaders = new RecordHeaders();
        kafkaHeaders.add(MailHeaders.DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
        kafkaHeaders.add(MailHeaders.DLQ_STAGE, stage.getBytes(StandardCharsets.UTF_8));
        kafkaHeaders.add(MailHeaders.DLQ_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        try {
            Message<byte[]> message = Message.of(json.writeValueAsBytes(letter)).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(kafkaHeaders).build());
            emitter.sendMessage(message).await().atMost(Duration.ofSeconds(60));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter not serialisable", e);
        }
        LOG.warnf("dead-lettered %s from %s: %s", record.key(), record.topic(), reason);
    }
}
