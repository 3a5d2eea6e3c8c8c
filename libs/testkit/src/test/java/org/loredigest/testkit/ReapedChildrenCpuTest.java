package org.loredigest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReapedChildrenCpuTest {

    @Test
    void growsByTheCpuOfAChildThatEnded() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux /proc");
        Optional<Duration> before = PublicInboxServer.reapedChildrenCpu();
        Process busy = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done").start();
        assertThat(busy.waitFor()).isZero();
        Optional<Duration> after = PublicInboxServer.reapedChildrenCpu();

        assertThat(before).isPresent();
        assertThat(after).isPresent();
        assertThat(after.get().minus(before.get())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
}
