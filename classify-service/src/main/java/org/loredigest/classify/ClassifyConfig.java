package org.loredigest.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lore.classify")
public interface ClassifyConfig {

    @WithDefault("3")
    int topicPartitions();

    @WithDefault("1")
    short topicReplicationFactor();

    @WithDefault("true")
    boolean createTopics();
}
