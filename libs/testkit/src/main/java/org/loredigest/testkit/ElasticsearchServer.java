package org.loredigest.testkit;

/**
 * A real single-node Elasticsearch for tests, security off, plain HTTP on loopback. By default the minimal
 * distribution that {@code deploy/runtime} materialised runs as a child process; where a Docker engine is available
 * it may be a Testcontainers container instead (see {@link ServerMode}).
 */
public interface ElasticsearchServer extends AutoCloseable {

    /** System property: the JVM options of a node started as a child process (default {@code -Xms512m -Xmx512m}). */
    String JVM_OPTIONS_PROPERTY = "lore.testkit.elasticsearch.jvm-options";

    /** {@code 127.0.0.1:PORT}, the form {@code quarkus.elasticsearch.hosts} expects. */
    String hostAndPort();

    /** {@code http://127.0.0.1:PORT}. */
    default String httpUrl() {
        return "http://" + hostAndPort();
    }

    /**
     * Stops the node, waits {@code downtime}, and starts it again on the same ports with the same data; returns when it
     * is ready. For fault tests; servers in containers do not support it.
     */
    default void restart(java.time.Duration downtime) {
        throw new UnsupportedOperationException("restart is not supported by " + this);
    }

    /** Stops the node and deletes its data (logs stay). A no-op on the {@link #shared()} node. */
    @Override
    void close();

    /**
     * The node of this test JVM, started on first use and stopped when the JVM exits. Every caller (also across
     * Quarkus test class loaders) gets the same node; {@code close()} on it does nothing.
     */
    static ElasticsearchServer shared() {
        return SharedServers.elasticsearch();
    }

    /** A new node for the caller alone; close it when done. */
    static ElasticsearchServer start() {
        return ServerMode.current().startElasticsearch();
    }
}
