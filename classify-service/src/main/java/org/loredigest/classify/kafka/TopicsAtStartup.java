package org.loredigest.classify.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.loredigest.classify.ClassifyConfig;
import org.loredigest.events.Topics;
import org.loredigest.events.kafka.TopicBootstrap;

/** Creates the topics this service reads and writes when missing. */
@ApplicationScoped
public class TopicsAtStartup {

    private final ClassifyConfig config;
    private final String bootstrapServers;

    public TopicsAtStartup(ClassifyConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    // runs before Kafka Streams starts: the topology needs its source and sink topics to exist
    void onStart(@Observes @jakarta.annotation.Priority(1) StartupEvent event) {
        if (config.createTopics()) {
            TopicBootstrap.ensure(Map.of("bootstrap.servers", bootstrapServers),
                    List.of(Topics.MAIL_RECEIVED, Topics.MAIL_RECEIVED_DLQ, Topics.MAIL_PARSED, Topics.MAIL_PARSED_DLQ,
                            Topics.THREAD_CLASSIFIED, Topics.THREAD_CLASSIFIED_DLQ),
                    config.topicPartitions(), config.topicReplicationFactor(),
                    Map.of("max.message.bytes", String.valueOf(16 * 1024 * 1024)));
            // one answer per thread id is all a reader or the summary cache needs
            TopicBootstrap.ensure(Map.of("bootstrap.servers", bootstrapServers), List.of(Topics.THREAD_SUMMARISED),
                    config.topicPartitions(), config.topicReplicationFactor(), Map.of("cleanup.policy", "compact"));
            TopicBootstrap.ensure(Map.of("bootstrap.servers", bootstrapServers), List.of(Topics.THREAD_SUMMARISED_DLQ),
                    config.topicPartitions(), config.topicReplicationFactor(), Map.of());
        }
    }
}
