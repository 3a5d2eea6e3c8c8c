package org.loredigest.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "lore.classify")
public interface ClassifyConfig {

    /** Replicas of the topics it creates (also Kafka Streams' internal topics); the same for every service. */
    @WithDefault("1")
    short topicReplicationFactor();

    /** Create missing topics and set their configs at start-up (as {@code Topics.SPECS} says). */
    @WithDefault("true")
    boolean createTopics();

    /**
     * The kernel's MAINTAINERS file for subsystem labels (never bundled). Without it, subsystems are named after the
     * list (cgroups: CONTROL GROUP (CGROUP), linux-mm: MEMORY MANAGEMENT).
     */
    Optional<Path> maintainersFile();
}
