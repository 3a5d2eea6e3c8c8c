package org.loredigest.ingest.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.loredigest.events.Topics;

/**
 * The producer settings of ingest-service, in one place for the service, its tests and the benchmark: idempotent,
 * {@code acks=all} (a send is acknowledged once all in-sync replicas have it), batches large enough for mail,
 * compressed with lz4 (mail text compresses well, so the broker stores and moves fewer bytes).
 */
public final class ProducerSettings {

    /** Room for the largest accepted message plus headers: what the topics take ({@link Topics#MAX_MESSAGE_BYTES}). */
    public static final int MAX_RECORD_BYTES = Topics.MAX_MESSAGE_BYTES;

    /**
     * Bytes one producer may hold unsent: the largest record and a batch. Every source has its own producer, so with
     * Kafka's default of 32 MB each, four lists backfilled at once could claim all of a 128 MB heap.
     */
    public static final long BUFFER_BYTES = MAX_RECORD_BYTES + 1024L * 1024;

    private ProducerSettings() {
    }

    /** Producer settings from a broker map that may also carry consumer and admin settings. */
    public static Map<String, Object> of(Map<String, Object> kafkaConfig, String clientId) {
        Map<String, Object> props = new HashMap<>();
        ProducerConfig.configNames().forEach(name -> {
            if (kafkaConfig.containsKey(name)) {
                props.put(name, kafkaConfig.get(name));
            }
        });
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // The service sets these in application.properties (kafka.*); the same defaults hold for tests and benchmarks.
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        props.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_BYTES);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    /**
     * A new transactional producer with its transactions initialised: an unfinished transaction of an earlier
     * producer with the same id (a crashed instance) is aborted and that producer fenced.
     */
    public static Producer<String, byte[]> transactional(Map<String, Object> kafkaConfig, String transactionalId) {
        Map<String, Object> props = of(kafkaConfig, "ingest-service-" + transactionalId);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service-" + transactionalId);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        return producer;
    }

    /** Settings for a consumer that reads only committed records. */
    public static Map<String, Object> committedReader(Object bootstrapServers) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("isolation.level", "read_committed");
        props.put("enable.auto.commit", false);
        props.put("max.partition.fetch.bytes", MAX_RECORD_BYTES);
        return props;
    }
}
