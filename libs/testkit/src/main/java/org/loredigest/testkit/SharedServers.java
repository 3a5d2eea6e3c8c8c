package org.loredigest.testkit;

import java.util.Map;

/** The per-JVM shared broker and node behind {@link KafkaServer#shared()} and {@link ElasticsearchServer#shared()}. */
final class SharedServers {

    private SharedServers() {
    }

    static KafkaServer kafka() {
        Map<String, String> published = JvmShared.getOrStart("lore.testkit.shared.kafka", () -> {
            KafkaServer server = timed("Kafka", () -> ServerMode.current().startKafka());
            JvmShared.stopAtExit("kafka", server);
            return Map.of("bootstrap-servers", server.bootstrapServers());
        });
        return new SharedKafka(published.get("bootstrap-servers"));
    }

    static ElasticsearchServer elasticsearch() {
        Map<String, String> published = JvmShared.getOrStart("lore.testkit.shared.elasticsearch", () -> {
            ElasticsearchServer server = timed("Elasticsearch", () -> ServerMode.current().startElasticsearch());
            JvmShared.stopAtExit("elasticsearch", server);
            return Map.of("host-and-port", server.hostAndPort());
        });
        return new SharedElasticsearch(published.get("host-and-port"));
    }

    /** Starting a server is the slow part of most test runs; say what started and how long it took. */
    static <T> T timed(String what, java.util.function.Supplier<T> start) {
        long began = System.nanoTime();
        T server = start.get();
        System.out.printf("lore-testkit: %s ready in %.1f s: %s%n", what, (System.nanoTime() - began) / 1e9, server);
        return server;
    }

    /** A handle on the shared broker; closing it would pull the broker from under other tests, so it does nothing. */
    private record SharedKafka(String bootstrapServers) implements KafkaServer {
        @Override
        public void close() {
            // stopped at JVM exit
        }
    }

    private record SharedElasticsearch(String hostAndPort) implements ElasticsearchServer {
        @Override
        public void close() {
            // stopped at JVM exit
        }
    }
}
