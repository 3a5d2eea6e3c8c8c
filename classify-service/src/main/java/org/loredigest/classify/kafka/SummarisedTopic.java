package org.loredigest.classify.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.summary.llm.SummaryCache;
import org.loredigest.events.ThreadSummarised;
import org.loredigest.events.Topics;

/**
 * The compacted {@link Topics#THREAD_SUMMARISED} topic as the summary worker's output and as its cache: answers are
 * published keyed by thread id, and read back at start so a restart or a replay asks the model nothing twice.
 */
public final class SummarisedTopic implements Consumer<ThreadSummarised>, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SummarisedTopic.class);

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper json;

    public SummarisedTopic(String bootstrapServers, ObjectMapper json) {
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "classify-service-summaries"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void accept(ThreadSummarised summarised) {
        try {
            producer.send(new ProducerRecord<>(Topics.THREAD_SUMMARISED, summarised.threadId(), json.writeValueAsBytes(summarised)),
                    (metadata, error) -> {
                        if (error != null) {
                            LOG.warnf("summary of %s not published: %s", summarised.threadId(), error.getMessage());
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ThreadSummarised " + summarised.threadId(), e);
        }
    }

    /** Reads the topic from the beginning into the cache, for at most {@code limit}; returns the records read. */
    public static int load(String bootstrapServers, ObjectMapper json, SummaryCache cache, Duration limit) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "classify-service-summary-cache");
        int read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.THREAD_SUMMARISED, limit).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, limit);
            Instant deadline = Instant.now().plus(limit);
            while (Instant.now().isBefore(deadline) && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        continue;
                    }
                    try {
                        cache.put(json.readValue(record.value(), ThreadSummarised.class));
                        read++;
                    } catch (IOException e) {
                        LOG.warnf("skipping unreadable summary at %s-%d@%d: %s", record.topic(), record.partition(),
                                record.offset(), e.getMessage());
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            LOG.warnf("summary cache starts empty: %s", e.getMessage());
        }
        return read;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
