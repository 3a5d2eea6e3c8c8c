package org.loredigest.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Whether containers are an option: a Docker endpoint is configured, and Testcontainers can reach an engine. */
final class DockerEnvironment {

    private DockerEnvironment() {
    }

    static boolean endpointConfigured() {
        return endpointConfigured(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** {@code DOCKER_HOST}, a Testcontainers {@code docker.host}, or one of the usual socket paths exists. */
    static boolean endpointConfigured(Map<String, String> environment, Path userHome) {
        String dockerHost = environment.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return true;
        }
        if (testcontainersDockerHost(userHome.resolve(".testcontainers.properties"))) {
            return true;
        }
        List<Path> sockets = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                userHome.resolve(".docker/run/docker.sock"),
                userHome.resolve(".docker/desktop/docker.sock")));
        String runtimeDir = environment.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));
        }
        return sockets.stream().anyMatch(Files::exists);
    }

    /** Asks Testcontainers; loaded only here so process mode never touches Docker classes. */
    static boolean engineAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable notAvailable) {
            return false;
        }
    }

    private static boolean testcontainersDockerHost(Path properties) {
        if (!Files.isRegularFile(properties)) {
            return false;
        }
        Properties values = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            values.load(in);
        } catch (IOException e) {
            return false;
        }
        String host = values.getProperty("docker.host");
        return host != null && !host.isBlank();
    }
}
