package org.loredigest.report.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.loredigest.events.Topics;
import org.loredigest.events.kafka.TopicBootstrap;
import org.loredigest.report.ReportConfig;

/** Creates the topics this service writes when missing. */
@ApplicationScoped
public class TopicsAtStartup {

    private final ReportConfig config;
    private final String bootstrapServers;

    public TopicsAtStartup(ReportConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.createTopics()) {
            TopicBootstrap.ensure(Map.of("bootstrap.servers", bootstrapServers),
                    List.of(Topics.MAIL_PARSED, Topics.MAIL_PARSED_DLQ, Topics.THREAD_CLASSIFIED, Topics.THREAD_CLASSIFIED_DLQ), config.topicPartitions(),
                    config.topicReplicationFactor(), Map.of());
            TopicBootstrap.ensure(Map.of("bootstrap.servers", bootstrapServers), List.of(Topics.THREAD_SUMMARISED),
                    config.topicPartitions(), config.topicReplicationFactor(), Map.of("cleanup.policy", "compact"));
            TopicBootstrap.ensure(Map.of("bootstrap.servers", bootstrapServers), List.of(Topics.THREAD_SUMMARISED_DLQ),
                    config.topicPartitions(), config.topicReplicationFactor(), Map.of());
        }
    }
}
