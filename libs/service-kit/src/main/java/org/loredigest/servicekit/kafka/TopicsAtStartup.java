package org.loredigest.servicekit.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.loredigest.events.kafka.TopicBootstrap;

/**
 * Creates the pipeline's topics when missing and sets their configs, from the specs every service shares, in every
 * service that has this library (unless {@code lore.kafka.create-topics=false}). So the topics look the same
 * whichever service starts first.
 */
@ApplicationScoped
public class TopicsAtStartup {

    private static final Logger LOG = Logger.getLogger(TopicsAtStartup.class);

    private final boolean createTopics;
    private final short replicationFactor;
    private final String bootstrapServers;

    @Inject
    public TopicsAtStartup(TopicsConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this(config.createTopics(), config.topicReplicationFactor(), bootstrapServers);
    }

    /** As a service with {@code lore.kafka.create-topics} and {@code lore.kafka.topic-replication-factor} set so. */
    public TopicsAtStartup(boolean createTopics, short replicationFactor, String bootstrapServers) {
        this.createTopics = createTopics;
        this.replicationFactor = replicationFactor;
        this.bootstrapServers = bootstrapServers;
    }

    // first of the start-up observers: Kafka Streams' topology needs its source and sink topics, and a broker that
    // creates topics on first use (a consumer subscribing, a producer sending) would make them with its defaults
    void onStart(@Observes @Priority(1) StartupEvent event) {
        ensureTopics();
    }

    /** What the service does at start-up; empty when topic creation is off. */
    public Optional<TopicBootstrap.Outcome> ensureTopics() {
        if (!createTopics) {
            return Optional.empty();
        }
        TopicBootstrap.Outcome outcome = TopicBootstrap.ensure(Map.of("bootstrap.servers", bootstrapServers), replicationFactor);
        if (outcome.changedAnything()) {
            LOG.info(outcome.summary());
        }
        return Optional.of(outcome);
    }
}
