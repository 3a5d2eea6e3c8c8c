package org.loredigest.ingest.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.loredigest.events.IngestCheckpoint;
import org.loredigest.events.Topics;
import org.loredigest.ingest.domain.source.CheckpointStore;

/**
 * Reads the compacted checkpoint topic from the start to its last committed record; the latest value per source
 * wins and an empty value (tombstone) removes the source.
 */
public final class KafkaCheckpointStore implements CheckpointStore {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Object> consumerConfig;
    private final ObjectMapper json;

    public KafkaCheckpointStore(Map<String, Object> committedReaderConfig, ObjectMapper json) {
        this.consumerConfig = committedReaderConfig;
        this.json = json;
    }

    @Override
    public Map<String, IngestCheckpoint> loadAll() {
        Map<String, IngestCheckpoint> latest = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGEST_CHECKPOINTS, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // With read_committed these are the last stable offsets: everything committed so far.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (!reached(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("reading " + Topics.INGEST_CHECKPOINTS + " did not reach its end in "
                            + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null || record.value().length == 0) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), json.readValue(record.value(), IngestCheckpoint.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable checkpoint in " + Topics.INGEST_CHECKPOINTS + ": " + e.getMessage(), e);
        }
        return latest;
    }

    static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (var entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}
