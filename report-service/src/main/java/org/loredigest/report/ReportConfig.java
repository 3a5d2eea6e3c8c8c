package org.loredigest.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "lore.report")
public interface ReportConfig {

    /** Longest digest period accepted, in days. */
    @WithDefault("92")
    int maxPeriodDays();

    /** How long a batch is retried while Elasticsearch is unavailable before the consumer gives up. */
    @WithDefault("PT10M")
    Duration indexRetryFor();

    @WithDefault("3")
    int topicPartitions();

    @WithDefault("1")
    short topicReplicationFactor();

    @WithDefault("true")
    boolean createTopics();
}
