package org.loredigest.classify.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.loredigest.classify.ClassifyConfig;
import org.loredigest.events.kafka.TopicBootstrap;

/** Creates the pipeline's topics when missing and sets their configs, from the specs every service shares. */
@ApplicationScoped
public class TopicsAtStartup {

    private static final Logger LOG = Logger.getLogger(TopicsAtStartup.class);

    private final ClassifyConfig config;
    private final String bootstrapServers;

    public TopicsAtStartup(ClassifyConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    // runs before Kafka Streams starts: the topology needs its source and sink topics to exist
    void onStart(@Observes @jakarta.annotation.Priority(1) StartupEvent event) {
        if (config.createTopics()) {
            var outcome = TopicBootstrap.ensure(Map.of("bootstrap.servers", bootstrapServers), config.topicReplicationFactor());
            if (outcome.changedAnything()) {
                LOG.info(outcome.summary());
            }
        }
    }
}
