package org.loredigest.bench.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Committed records on a topic, read from the start as a {@code read_committed} consumer reads them: what a
 * downstream service sees (no transaction markers, no records of aborted transactions). Elasticsearch cannot show a
 * mail published twice (the second write overwrites the first under the same id); the topic can.
 */
public final class BrokerRecords {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

    private BrokerRecords() {
    }

    /** Record key → committed records with that key. */
    public static Map<String, Integer> perKey(String bootstrapServers, String topic) {
        Map<String, Integer> counts = new HashMap<>();
        read(bootstrapServers, topic, record -> counts.merge(String.valueOf(record.key()), 1, Integer::sum));
        return counts;
    }

    /** Committed records on the topic, over all partitions. */
    public static long count(String bootstrapServers, String topic) {
        long[] count = {0};
        read(bootstrapServers, topic, record -> count[0]++);
        return count[0];
    }

    private static void read(String bootstrapServers, String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // for read_committed the end offsets are the last stable offsets: nothing open is waited for
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofSeconds(1)).forEach(each);
            }
        }
    }
}
