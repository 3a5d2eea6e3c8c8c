package org.loredigest.ingest.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.Topics;
import org.loredigest.ingest.domain.dedup.ContentDigest;
import org.loredigest.ingest.domain.dedup.SeenMessages;
import org.loredigest.mail.header.RawHeader;

/**
 * Fills {@link SeenMessages} at start-up from the tail of the received topic (the last {@code recordsPerPartition}
 * committed records of each partition), so copies of recently published mail are recognised after a restart too.
 */
public final class SeenWarmUp {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    private SeenWarmUp() {
    }

    /** @return records read */
    public static long fill(SeenMessages seen, Map<String, Object> committedReaderConfig, int recordsPerPartition) {
        if (recordsPerPartition <= 0) {
            return 0;
        }
        long read = 0;
        try (var consumer = new KafkaConsumer<>(committedReaderConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MAIL_RECEIVED, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, READ_TIMEOUT);
            for (TopicPartition p : partitions) {
                consumer.seek(p, Math.max(begin.get(p), end.get(p) - recordsPerPartition));
            }
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (!KafkaCheckpointStore.reached(consumer, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() == null || record.value() == null) {
                        continue;
                    }
                    Header digest = record.headers().lastHeader(MailHeaders.CONTENT_DIGEST);
                    seen.remember(record.key(), digest != null ? new String(digest.value(), StandardCharsets.UTF_8)
                            : ContentDigest.of(RawHeader.scan(record.value())));
                    read++;
                }
            }
        }
        return read;
    }
}
