package org.loredigest.ingest.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.loredigest.events.kafka.TopicBootstrap;
import org.loredigest.ingest.IngestConfig;

/**
 * Owns the idempotent producer of uploads and imports (acks=all), hands out the transactional producers of sources
 * ({@link ProducerSettings}) and makes sure the pipeline's topics exist as {@code Topics.SPECS} says.
 */
@ApplicationScoped
public class ReceivedMailProducer {

    private static final Logger LOG = Logger.getLogger(ReceivedMailProducer.class);

    private final Map<String, Object> kafkaConfig;
    private final IngestConfig config;
    private volatile Producer<String, byte[]> producer;

    public ReceivedMailProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, IngestConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.createTopics()) {
            var outcome = TopicBootstrap.ensure(Map.of("bootstrap.servers", kafkaConfig.get("bootstrap.servers")),
                    config.topicReplicationFactor());
            if (outcome.changedAnything()) {
                LOG.info(outcome.summary());
            }
        }
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
