package org.loredigest.ingest.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Owns the idempotent producer of uploads and imports (acks=all) and hands out the transactional producers of
 * sources ({@link ProducerSettings}). The pipeline's topics are made at start-up by the service kit's {@code TopicsAtStartup}.
 */
@ApplicationScoped
public class ReceivedMailProducer {

    private final Map<String, Object> kafkaConfig;
    private volatile Producer<String, byte[]> producer;

    public ReceivedMailProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    public Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(ProducerSettings.of(kafkaConfig, "ingest-service"),
                            new StringSerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    /** A source's transactional producer, see {@link ProducerSettings#transactional}. */
    public Producer<String, byte[]> transactionalProducer(String transactionalId) {
        return ProducerSettings.transactional(kafkaConfig, transactionalId);
    }

    /** Settings for a consumer that reads only committed records. */
    public Map<String, Object> committedReaderConfig() {
        return ProducerSettings.committedReader(kafkaConfig.get("bootstrap.servers"));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(30));
        }
    }
}
