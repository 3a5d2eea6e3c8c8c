package org.loredigest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ServerModeTest {

    @Test
    void autoUsesContainersOnlyWhenAnEndpointExistsAndTheEngineAnswers() {
        assertThat(ServerMode.select("auto", () -> true, () -> true)).isEqualTo(ServerMode.CONTAINER);
        assertThat(ServerMode.select("auto", () -> true, () -> false)).isEqualTo(ServerMode.PROCESS);
        assertThat(ServerMode.select("auto", () -> false, () -> true)).isEqualTo(ServerMode.PROCESS);
    }

    @Test
    void unsetOrBlankMeansAuto() {
        assertThat(ServerMode.select(null, () -> false, () -> true)).isEqualTo(ServerMode.PROCESS);
        assertThat(ServerMode.select("  ", () -> true, () -> true)).isEqualTo(ServerMode.CONTAINER);
    }

    @Test
    void withoutAnEndpointTestcontainersIsNotEvenAsked() {
        AtomicBoolean asked = new AtomicBoolean();
        ServerMode.select("auto", () -> false, () -> asked.getAndSet(true));
        assertThat(asked).isFalse();
    }

    @Test
    void explicitModesWinRegardlessOfDocker() {
        assertThat(ServerMode.select("process", () -> true, () -> true)).isEqualTo(ServerMode.PROCESS);
        assertThat(ServerMode.select("Container", () -> false, () -> false)).isEqualTo(ServerMode.CONTAINER);
    }

    @Test
    void unknownValueIsRejectedWithTheChoices() {
        assertThatThrownBy(() -> ServerMode.select("docker", () -> true, () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, process or container");
    }

    @Test
    void thisMachineHasNoDockerEngineSoAutoPicksProcesses() {
        // The build machine has a docker CLI but no engine; CI machines with an engine may pick containers.
        if (!DockerEnvironment.endpointConfigured()) {
            assertThat(ServerMode.select("auto", DockerEnvironment::endpointConfigured, DockerEnvironment::engineAvailable))
                    .isEqualTo(ServerMode.PROCESS);
        }
    }
}
