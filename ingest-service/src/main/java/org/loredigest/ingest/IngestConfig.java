package org.loredigest.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lore.ingest")
public interface IngestConfig {

    /** Messages larger than this are dead-lettered instead of published. */
    @WithDefault("10485760")
    int maxMessageBytes();

    /** Topics this service writes are created with this many partitions when missing. */
    @WithDefault("3")
    int topicPartitions();

    @WithDefault("1")
    short topicReplicationFactor();

    /** Create missing topics at start-up. */
    @WithDefault("true")
    boolean createTopics();
}
