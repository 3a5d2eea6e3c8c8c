package org.loredigest.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "lore.classify")
public interface ClassifyConfig {

    /** Partitions of the topics this service creates when they are missing. */
    @WithDefault("3")
    int topicPartitions();

    @WithDefault("1")
    short topicReplicationFactor();

    @WithDefault("true")
    boolean createTopics();

    /**
     * The kernel's MAINTAINERS file for subsystem labels (never bundled). Without it, subsystems are named after the
     * list (cgroups: CONTROL GROUP (CGROUP), linux-mm: MEMORY MANAGEMENT).
     */
    Optional<Path> maintainersFile();
}
