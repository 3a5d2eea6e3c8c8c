package org.loredigest.report.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.MailParsed;
import org.loredigest.events.Topics;
import org.loredigest.report.ReportConfig;
import org.loredigest.report.elasticsearch.MailIndexer;

/**
 * Indexes batches of parsed mail. A batch is acknowledged only after Elasticsearch took every document of it or the
 * refused ones are safely in the dead-letter topic; while Elasticsearch is unavailable the batch is retried with
 * backoff, so nothing is lost and nothing is skipped.
 */
@ApplicationScoped
public class ParsedMailConsumer {

    static final String STAGE = "report-service/index";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(ParsedMailConsumer.class);

    private final MailIndexer indexer;
    private final ObjectMapper json;
    private final ReportConfig config;
    private final MutinyEmitter<byte[]> deadLetters;

    public ParsedMailConsumer(MailIndexer indexer, ObjectMapper json, ReportConfig config,
                              @Channel(Channels.MAIL_PARSED_DLQ) MutinyEmitter<byte[]> deadLetters) {
        this.indexer = indexer;
        this.json = json;
        this.config = config;
        this.deadLetters = deadLetters;
    }

    @Incoming(Channels.MAIL_PARSED)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> batch) {
        List<MailParsed> mails = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                mails.add(json.readValue(record.value(), MailParsed.class));
            } catch (IOException | RuntimeException e) {
                deadLetter(record, "not a MailParsed JSON document: " + e.getMessage(), e.getClass().getSimpleName());
            }
        }
        // Returning normally acknowledges the batch; throwing leaves it unacknowledged.
        indexWithRetry(mails, batch);
    }

    private void indexWithRetry(List<MailParsed> mails, ConsumerRecords<String, byte[]> batch) {
        Instant giveUpAt = Instant.now().plus(config.indexRetryFor());
        Duration backoff = Duration.ofMillis(200);
        List<MailParsed> pending = mails;
        Exception lastError = null;
        while (!pending.isEmpty()) {
            try {
                MailIndexer.Outcome outcome = indexer.index(pending);
                outcome.refused().forEach((mail, reason) -> deadLetter(find(batch, mail.key()), reason, "ElasticsearchRefused"));
                pending = outcome.retry();
            } catch (RuntimeException e) {
                lastError = e;
                LOG.warnf("indexing %d mails failed (%s); retrying in %d ms", pending.size(), e.getMessage(), backoff.toMillis());
            }
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(giveUpAt)) {
                throw new IllegalStateException("Elasticsearch did not take " + pending.size() + " mails within "
                        + config.indexRetryFor() + "; stopping without acknowledging them", lastError);
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private static ConsumerRecord<String, byte[]> find(ConsumerRecords<String, byte[]> batch, String key) {
        ConsumerRecord<String, byte[]> found = null;
        for (ConsumerRecord<String, byte[]> record : batch) {
            if (key.equals(record.key())) {
                found = record;
            }
        }
        return found;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, String errorType) {
        Map<String, String> headers = new java.util.HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        DeadLetter letter = new DeadLetter(record.topic(), record.key(), STAGE, reason, errorType, Instant.now(), headers,
                record.value());
        try {
            RecordHeaders kafkaHeaders = new RecordHeaders();
            kafkaHeaders.add(MailHeaders.DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
            kafkaHeaders.add(MailHeaders.DLQ_STAGE, STAGE.getBytes(StandardCharsets.UTF_8));
            kafkaHeaders.add(MailHeaders.DLQ_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
            Message<byte[]> message = Message.of(json.writeValueAsBytes(letter)).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(kafkaHeaders).build());
            // Wait for the broker: the batch must not be acknowledged before its dead letters are stored.
            deadLetters.sendMessage(message).await().atMost(Duration.ofSeconds(60));
            LOG.warnf("dead-lettered %s from %s: %s", record.key(), Topics.MAIL_PARSED, reason);
        } catch (IOException e) {
            throw new IllegalStateException("dead letter not serialisable", e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
