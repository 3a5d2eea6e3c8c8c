package org.loredigest.testkit;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * How the testkit runs Kafka and Elasticsearch: as local child processes (works everywhere, no Docker) or as
 * Testcontainers containers. Chosen with system property {@value #PROPERTY} or environment variable {@value #ENV}:
 * {@code process}, {@code container} or {@code auto} (the default: containers only when a Docker endpoint exists and
 * Testcontainers can actually talk to the engine, processes otherwise). public-inbox always runs as a process.
 */
public enum ServerMode {
    PROCESS,
    CONTAINER;

    public static final String PROPERTY = "lore.testkit.servers";
    public static final String ENV = "LORE_TESTKIT_SERVERS";

    private static volatile ServerMode current;

    /** The mode configured for this JVM, decided once (probing Docker can take a moment). */
    public static ServerMode current() {
        ServerMode mode = current;
        if (mode == null) {
            synchronized (ServerMode.class) {
                mode = current;
                if (mode == null) {
                    mode = select(configured(), DockerEnvironment::endpointConfigured, DockerEnvironment::engineAvailable);
                    current = mode;
                }
            }
        }
        return mode;
    }

    /**
     * The selection rule, kept free of side effects so it can be tested.
     *
     * @param configured      {@code auto}, {@code process}, {@code container} (any case) or null/blank for auto
     * @param endpointPresent whether a Docker socket or {@code DOCKER_HOST} is configured (cheap check)
     * @param engineAvailable whether Testcontainers reaches a Docker engine (only asked when an endpoint is present)
     */
    static ServerMode select(String configured, BooleanSupplier endpointPresent, BooleanSupplier engineAvailable) {
        String value = configured == null || configured.isBlank() ? "auto" : configured.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "process" -> PROCESS;
            case "container" -> CONTAINER;
            case "auto" -> endpointPresent.getAsBoolean() && engineAvailable.getAsBoolean() ? CONTAINER : PROCESS;
            default -> throw new IllegalArgumentException("Unknown " + PROPERTY + "/" + ENV + " value '" + configured
                    + "': use auto, process or container");
        };
    }

    static String configured() {
        String property = System.getProperty(PROPERTY);
        return property != null && !property.isBlank() ? property : System.getenv(ENV);
    }

    KafkaServer startKafka() {
        return this == CONTAINER ? KafkaContainerServer.start() : KafkaProcess.start();
    }

    ElasticsearchServer startElasticsearch() {
        return this == CONTAINER ? ElasticsearchContainerServer.start() : ElasticsearchProcess.start();
    }
}
