package org.loredigest.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker (broker and controller in one JVM) run as a child process:
 * {@code java -cp <runtime>/kafka/libs/* kafka.Kafka server.properties}, data and logs in
 * {@code target/testkit/kafka-<port>/}.
 */
final class KafkaProcess implements KafkaServer {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final String bootstrapServers;
    private final Path dir;
    private ChildProcess broker;

    private KafkaProcess(String bootstrapServers, Path dir, ChildProcess broker) {
        this.bootstrapServers = bootstrapServers;
        this.dir = dir;
        this.broker = broker;
    }

    static final String DEFAULT_JVM_OPTIONS = "-Xms128m -Xmx512m";

    static KafkaProcess start() {
        Path libs = TestkitPaths.kafkaLibs();
        Path logConfig = TestkitPaths.kafkaLogConfig();
        int port = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        Path dir = TestkitPaths.workDir("kafka-" + port);
        Path config = writeConfig(dir, port, controllerPort);
        String java = TestkitPaths.javaExecutable().toString();
        String classpath = libs + "/*";
        String logging = "-Dlog4j2.configurationFile=" + logConfig;

        Commands.run("Formatting Kafka storage", List.of(java, "-Xmx256m", logging, "-cp", classpath,
                        "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                Map.of(), dir.resolve("format.log"));

        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(System.getProperty(KafkaServer.JVM_OPTIONS_PROPERTY, DEFAULT_JVM_OPTIONS).trim().split("\\s+")));
        command.addAll(List.of("-Djava.awt.headless=true", logging, "-Dkafka.logs.dir=" + dir.resolve("logs"),
                "-cp", classpath, "kafka.Kafka", config.toString()));
        ChildProcess broker = ChildProcess.start("Kafka broker", command, Map.of(), dir, dir.resolve("kafka.log"));
        String bootstrap = "127.0.0.1:" + port;
        try (Admin admin = KafkaAdmin.connect(bootstrap)) {
            broker.awaitReady(STARTUP_TIMEOUT, () -> KafkaAdmin.clusterReady(admin));
        }
        return new KafkaProcess(bootstrap, dir, broker);
    }

    /** Settings for a throwaway single-node broker: replication factor 1 everywhere, no rebalance delay. */
    private static Path writeConfig(Path dir, int port, int controllerPort) {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=1",
                "default.replication.factor=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                // Fewer internal partitions: the first consumer group and transaction start much faster.
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // Same limit as the local stack (bin/stack): whole kernel mails with big patches fit in one record.
                "message.max.bytes=16777216",
                "num.network.threads=2",
                "num.io.threads=4",
                "");
        Path config = dir.resolve("server.properties");
        try {
            Files.writeString(config, properties, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config, e);
        }
        return config;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public synchronized void restart(Duration downtime) {
        broker.stop(Duration.ofSeconds(10));
        sleep(downtime);
        broker = broker.relaunch();
        try (Admin admin = KafkaAdmin.connect(bootstrapServers)) {
            broker.awaitReady(STARTUP_TIMEOUT, () -> KafkaAdmin.clusterReady(admin));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public synchronized void close() {
        broker.stop(Duration.ofSeconds(10));
        FileTrees.deleteQuietly(dir.resolve("data"));
    }

    @Override
    public String toString() {
        return "Kafka broker at " + bootstrapServers + " (pid " + broker.pid() + ", log " + broker.log() + ")";
    }
}
