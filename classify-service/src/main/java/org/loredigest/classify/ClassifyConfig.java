package org.loredigest.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "lore.classify")
public interface ClassifyConfig {

    /**
     * The kernel's MAINTAINERS file for subsystem labels (never bundled). Without it, subsystems are named after the
     * list (cgroups: CONTROL GROUP (CGROUP), linux-mm: MEMORY MANAGEMENT).
     */
    Optional<Path> maintainersFile();

    /** When thread state publishes changed threads while it reads a backlog (live, it publishes every second). */
    Flush flush();

    interface Flush {

        /** Inputs per second and task above which the task is reading a backlog and defers publishing; 0: never. */
        @WithDefault("200")
        int backlogPerInterval();

        /** The longest a changed thread waits to be published while a backlog is read. */
        @WithDefault("30s")
        Duration maxDeferral();
    }
}
