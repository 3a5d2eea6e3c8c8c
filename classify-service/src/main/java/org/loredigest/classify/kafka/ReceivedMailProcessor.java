package org.loredigest.classify.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.ReceivedMailParser;
import org.loredigest.classify.domain.UnparseableMailException;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.MailParsed;
import org.loredigest.events.MailReceived;
import org.loredigest.events.MessageKey;
import org.loredigest.events.Topics;

/**
 * received → parsed. Each parsed mail is acknowledged upstream only when the broker has its parsed record; input that
 * is not a mail goes to the dead-letter topic with the reason and is acknowledged once that record is stored.
 */
@ApplicationScoped
public class ReceivedMailProcessor {

    static final String STAGE = "classify-service/parse";
    private static final Logger LOG = Logger.getLogger(ReceivedMailProcessor.class);

    private final ReceivedMailParser parser = new ReceivedMailParser();
    private final ObjectMapper json;
    private final MutinyEmitter<byte[]> deadLetters;

    public ReceivedMailProcessor(ObjectMapper json, @Channel(Channels.MAIL_RECEIVED_DLQ) MutinyEmitter<byte[]> deadLetters) {
        this.json = json;
        this.deadLetters = deadLetters;
    }

    @Incoming(Channels.MAIL_RECEIVED)
    @Outgoing(Channels.MAIL_PARSED)
    public Multi<Message<byte[]>> process(Multi<Message<byte[]>> received) {
        // A null item from the Uni is dropped from the stream: dead-lettered input produces no parsed record.
        return received.onItem().transformToUniAndConcatenate(this::handle);
    }

    private Uni<Message<byte[]>> handle(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> meta = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        Headers headers = meta.getHeaders();
        String key = meta.getKey() == null ? MessageKey.fromContent(message.getPayload()) : meta.getKey().toString();
        try {
            MailReceived mail = new MailReceived(key, text(headers, MailHeaders.LIST, "unknown"),
                    text(headers, MailHeaders.SOURCE, "unknown"), text(headers, MailHeaders.SOURCE_POSITION, null),
                    receivedAt(headers), message.getPayload());
            MailParsed parsed = parser.parse(mail);
            Message<byte[]> out = message.withPayload(json.writeValueAsBytes(parsed))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(parsed.key()).build());
            return Uni.createFrom().item(out);
        } catch (UnparseableMailException | JsonProcessingException | RuntimeException e) {
            return deadLetter(message, key, headers, e);
        }
    }

    private Uni<Message<byte[]>> deadLetter(Message<byte[]> message, String key, Headers headers, Exception e) {
        Map<String, String> copied = new HashMap<>();
        for (Header h : headers) {
            copied.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        DeadLetter letter = new DeadLetter(Topics.MAIL_RECEIVED, key, STAGE, reason, e.getClass().getSimpleName(),
                Instant.now(), copied, message.getPayload());
        byte[] value;
        try {
            value = json.writeValueAsBytes(letter);
        } catch (JsonProcessingException serialisation) {
            return Uni.createFrom().failure(serialisation);
        }
        RecordHeaders dlqHeaders = new RecordHeaders();
        dlqHeaders.add(MailHeaders.DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
        dlqHeaders.add(MailHeaders.DLQ_STAGE, STAGE.getBytes(StandardCharsets.UTF_8));
        dlqHeaders.add(MailHeaders.DLQ_ORIGINAL_TOPIC, Topics.MAIL_RECEIVED.getBytes(StandardCharsets.UTF_8));
        LOG.warnf("dead-lettering %s: %s", key, reason);
        return deadLetters.sendMessage(Message.of(value).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(dlqHeaders).build()))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .replaceWith((Message<byte[]>) null);
    }

    private static Instant receivedAt(Headers headers) {
        String value = text(headers, MailHeaders.RECEIVED_AT, null);
        if (value == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    private static String text(Headers headers, String name, String fallback) {
        Header h = headers.lastHeader(name);
        return h == null ? fallback : new String(h.value(), StandardCharsets.UTF_8);
    }
}
