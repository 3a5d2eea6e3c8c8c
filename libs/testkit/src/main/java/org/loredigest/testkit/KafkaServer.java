package org.loredigest.testkit;

/**
 * A real Kafka broker for tests. By default a single-node KRaft broker runs as a child process from the jars that
 * {@code deploy/runtime} materialised; where a Docker engine is available it may be a Testcontainers container
 * instead (see {@link ServerMode}).
 */
public interface KafkaServer extends AutoCloseable {

    /** System property: the JVM options of a broker started as a child process (default {@code -Xms128m -Xmx512m}). */
    String JVM_OPTIONS_PROPERTY = "lore.testkit.kafka.jvm-options";

    /** {@code host:port} of the PLAINTEXT listener, for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** Creates the topics (replication factor 1) unless they already exist, and waits until they do. */
    default void createTopics(int partitions, String... names) {
        KafkaAdmin.createTopics(bootstrapServers(), partitions, names);
    }

    /**
     * Stops the broker, waits {@code downtime}, and starts it again on the same ports with the same data; returns when it
     * is ready. For fault tests; servers in containers do not support it.
     */
    default void restart(java.time.Duration downtime) {
        throw new UnsupportedOperationException("restart is not supported by " + this);
    }

    /** Stops the broker and deletes its data (logs stay). A no-op on the {@link #shared()} broker. */
    @Override
    void close();

    /**
     * The broker of this test JVM, started on first use and stopped when the JVM exits. Every caller (also across
     * Quarkus test class loaders) gets the same broker; {@code close()} on it does nothing.
     */
    static KafkaServer shared() {
        return SharedServers.kafka();
    }

    /** A new broker for the caller alone; close it when done. */
    static KafkaServer start() {
        return ServerMode.current().startKafka();
    }
}
