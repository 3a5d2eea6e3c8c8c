package org.loredigest.ingest.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.loredigest.events.Topics;
import org.loredigest.events.kafka.TopicBootstrap;
import org.loredigest.ingest.IngestConfig;

/**
 * Owns the idempotent producer of uploads and imports (acks=all), hands out the transactional producers of sources
 * ({@link ProducerSettings}) and makes sure the topics the service writes exist.
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
            ensureTopics(List.of(Topics.MAIL_RECEIVED, Topics.MAIL_RECEIVED_DLQ), config.topicPartitions(),
                    Map.of("max.message.bytes", String.valueOf(ProducerSettings.MAX_RECORD_BYTES)));
            // One small record per source; only the latest matters.
            ensureTopics(List.of(Topics.INGEST_CHECKPOINTS), 1, Map.of("cleanup.policy", "compact"));
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

    private void ensureTopics(List<String> topics, int partitions, Map<String, String> topicConfig) {
        Map<String, Object> admin = new HashMap<>();
        admin.put("bootstrap.servers", kafkaConfig.get("bootstrap.servers"));
        var created = TopicBootstrap.ensure(admin, topics, partitions, config.topicReplicationFactor(), topicConfig);
        if (!created.isEmpty()) {
            LOG.infof("created topics %s", created);
        }
    }
}
