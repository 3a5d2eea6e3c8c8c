package org.loredigest.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.loredigest.testkit.ElasticsearchServer;
import org.loredigest.testkit.KafkaServer;

/** The settings every service of an end-to-end run gets: this run's broker, node and key. */
final class PipelineConfig {

    private PipelineConfig() {
    }

    static Map<String, String> of(KafkaServer kafka, ElasticsearchServer elasticsearch, String apiKey, Path logs)
            throws IOException {
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.elasticsearch.hosts", elasticsearch.hostAndPort(),
                "lore.ingest.api-key", apiKey,
                "lore.report.api-key", apiKey,
                // a state directory of this run's own: Kafka Streams locks it, and another run may be going on
                "kafka-streams.state.dir", Files.createTempDirectory(Files.createDirectories(logs), "classify-state").toString());
    }
}
