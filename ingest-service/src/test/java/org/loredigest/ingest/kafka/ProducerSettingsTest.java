package org.loredigest.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    @Test
    void producersBatchAndCompressByDefault() {
        Map<String, Object> props = ProducerSettings.of(Map.of("bootstrap.servers", "b:9092", "group.id", "g"), "c");

        assertThat(props).containsEntry("compression.type", "lz4").containsEntry("linger.ms", 20)
                .containsEntry("batch.size", 256 * 1024).containsEntry("acks", "all")
                .containsEntry("bootstrap.servers", "b:9092").doesNotContainKey("group.id");
    }

    @Test
    void theServiceConfigurationWins() {
        Map<String, Object> props = ProducerSettings.of(Map.of("bootstrap.servers", "b:9092", "compression.type", "zstd",
                "linger.ms", "5", "batch.size", "65536"), "c");

        assertThat(props).containsEntry("compression.type", "zstd").containsEntry("linger.ms", "5")
                .containsEntry("batch.size", "65536");
    }
}
