package org.loredigest.testkit;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The broker as a Testcontainers container ({@code apache/kafka}, same version as the process broker). */
final class KafkaContainerServer implements KafkaServer {

    private final KafkaContainer container;

    private KafkaContainerServer(KafkaContainer container) {
        this.container = container;
    }

    static KafkaContainerServer start() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse("apache/kafka").withTag(TestkitPaths.kafkaVersion()))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_NUM_PARTITIONS", "1")
                .withEnv("KAFKA_MESSAGE_MAX_BYTES", "16777216")
                .withEnv("KAFKA_HEAP_OPTS", "-Xmx512m");
        container.start();
        return new KafkaContainerServer(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "Kafka container " + container.getDockerImageName() + " at " + bootstrapServers();
    }
}
