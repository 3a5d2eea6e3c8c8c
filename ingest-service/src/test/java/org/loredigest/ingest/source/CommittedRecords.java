package org.loredigest.ingest.source;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning as a read_committed consumer would (what downstream services should see). */
final class CommittedRecords {

    private CommittedRecords() {
    }

    static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic, Duration timeout,
                                                     Predicate<ConsumerRecord<String, byte[]>> filter, int atLeast) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "enable.auto.commit", false, "isolation.level", "read_committed",
                "max.partition.fetch.bytes", 16 * 1024 * 1024);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            Instant quietUntil = null;
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (filter.test(record)) {
                        records.add(record);
                    }
                }
                if (records.size() >= atLeast) {
                    // keep reading a little to catch duplicates
                    quietUntil = quietUntil == null ? Instant.now().plusSeconds(2) : quietUntil;
                    if (Instant.now().isAfter(quietUntil)) {
                        break;
                    }
                }
            }
        }
        return records;
    }
}
