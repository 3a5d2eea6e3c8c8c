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
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.loredigest.events.Topics;
import org.loredigest.events.kafka.TopicBootstrap;
import org.loredigest.ingest.IngestConfig;

/**
 * Owns the one idempotent producer of the service (acks=all, so a send is acknowledged only once the broker has the
 * record in all in-sync replicas) and makes sure the topics it writes exist.
 */
@ApplicationScoped
public class ReceivedMailProducer {

    private static final Logger LOG = Logger.getLogger(ReceivedMailProducer.class);
    /** Room for the largest accepted message plus headers. */
    private static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private final Map<String, Object> kafkaConfig;
    private final IngestConfig config;
    private volatile Producer<String, byte[]> producer;

    public ReceivedMailProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, IngestConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.createTopics()) {
            var created = TopicBootstrap.ensure(adminConfig(), List.of(Topics.MAIL_RECEIVED, Topics.MAIL_RECEIVED_DLQ),
                    config.topicPartitions(), config.topicReplicationFactor(),
                    Map.of("max.message.bytes", String.valueOf(MAX_RECORD_BYTES)));
            if (!created.isEmpty()) {
                LOG.infof("created topics %s", created);
            }
        }
    }

    public Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(30));
        }
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> admin = new HashMap<>();
        admin.put("bootstrap.servers", kafkaConfig.get("bootstrap.servers"));
        return admin;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>();
        // Only pass through what a producer understands; the broker map also carries consumer/admin settings.
        ProducerConfig.configNames().forEach(name -> {
            if (kafkaConfig.containsKey(name)) {
                props.put(name, kafkaConfig.get(name));
            }
        });
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service");
        return props;
    }
}
