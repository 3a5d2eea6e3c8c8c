package org.loredigest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEnvironmentTest {

    @TempDir
    Path home;

    @Test
    void dockerHostCountsAsAnEndpoint() {
        assertThat(DockerEnvironment.endpointConfigured(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375"), home)).isTrue();
    }

    @Test
    void socketInTheRuntimeDirCountsAsAnEndpoint() throws Exception {
        Files.createFile(home.resolve("docker.sock"));
        assertThat(DockerEnvironment.endpointConfigured(Map.of("XDG_RUNTIME_DIR", home.toString()), home)).isTrue();
    }

    @Test
    void testcontainersPropertiesCountAsAnEndpoint() throws Exception {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=unix:///run/user/1000/podman.sock\n");
        assertThat(DockerEnvironment.endpointConfigured(Map.of(), home)).isTrue();
    }

    @Test
    void nothingConfiguredIsNoEndpoint() {
        if (!Files.exists(Path.of("/var/run/docker.sock"))) {
            assertThat(DockerEnvironment.endpointConfigured(Map.of(), home)).isFalse();
        }
    }
}
