package org.loredigest.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the testkit finds the server software and where it puts each server's data and logs. */
final class TestkitPaths {

    static final String RUNTIME_DIR_PROPERTY = "lore.runtime.dir";
    static final String RUNTIME_DIR_ENV = "LORE_RUNTIME_DIR";
    static final String WORK_DIR_PROPERTY = "lore.testkit.dir";

    private static final Properties VERSIONS = loadVersions();

    private TestkitPaths() {
    }

    static String kafkaVersion() {
        return VERSIONS.getProperty("kafka.version");
    }

    static String elasticsearchVersion() {
        return VERSIONS.getProperty("elasticsearch.version");
    }

    /** The JDK running the tests; it also runs the broker and the Elasticsearch node. */
    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    static Path javaExecutable() {
        return javaHome().resolve("bin").resolve("java");
    }

    /** {@code deploy/runtime/target}: set by the build, overridable, or found by walking up from the working directory. */
    static Path runtimeDir() {
        String configured = System.getProperty(RUNTIME_DIR_PROPERTY, System.getenv(RUNTIME_DIR_ENV));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/runtime/target");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find the server runtime: set -D" + RUNTIME_DIR_PROPERTY
                + " (or " + RUNTIME_DIR_ENV + ") to <repository>/deploy/runtime/target. " + HOW_TO_MATERIALISE);
    }

    static Path kafkaLibs() {
        Path libs = runtimeDir().resolve("kafka/libs");
        Path broker = libs.resolve("kafka_2.13-" + kafkaVersion() + ".jar");
        if (!Files.isRegularFile(broker)) {
            throw new IllegalStateException("Kafka broker jars not found (" + broker + " is missing). " + HOW_TO_MATERIALISE);
        }
        return libs;
    }

    static Path kafkaLogConfig() {
        Path config = runtimeDir().resolve("kafka/config/log4j2.properties");
        if (!Files.isRegularFile(config)) {
            throw new IllegalStateException("Kafka log configuration not found (" + config + "). " + HOW_TO_MATERIALISE);
        }
        return config;
    }

    static Path elasticsearchHome() {
        Path home = runtimeDir().resolve("elasticsearch-" + elasticsearchVersion());
        if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            throw new IllegalStateException("Elasticsearch " + elasticsearchVersion() + " not found in " + home + ". "
                    + HOW_TO_MATERIALISE);
        }
        return home;
    }

    /**
     * A fresh folder for one server under the calling module's {@code target/testkit/}. Surefire and Failsafe run
     * tests with the module as working directory and also pass it as {@code basedir}.
     */
    /** The folder every server's data and logs go under: {@code -Dlore.testkit.dir}, else {@code target/testkit}. */
    static Path workBase() {
        String configured = System.getProperty(WORK_DIR_PROPERTY);
        Path base = configured != null
                ? Path.of(configured)
                : Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "testkit");
        return base.toAbsolutePath().normalize();
    }

    static Path workDir(String name) {
        Path dir = workBase().resolve(name);
        LeftoverProcesses.reap(dir.getParent());
        try {
            if (Files.exists(dir)) {
                FileTrees.delete(dir);
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    private static final String HOW_TO_MATERIALISE = "The deploy/runtime module puts the servers there: "
            + "run ./mvnw -pl deploy/runtime generate-resources (any build of the whole project does it too).";

    private static Properties loadVersions() {
        Properties properties = new Properties();
        try (InputStream in = TestkitPaths.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("versions.properties is missing from the testkit jar");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
