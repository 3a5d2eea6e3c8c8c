package org.loredigest.servicekit.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service treats the pipeline's topics at start-up: {@code lore.kafka.*}, the same keys in every service. */
@ConfigMapping(prefix = "lore.kafka")
public interface TopicsConfig {

    /** Create missing topics and set their configs at start-up (as {@code Topics.SPECS} says). */
    @WithDefault("true")
    boolean createTopics();

    /**
     * Replicas of the topics it creates; the same for every service of a deployment (classify-service gives it to
     * Kafka Streams' internal topics as well).
     */
    @WithDefault("1")
    short topicReplicationFactor();
}
