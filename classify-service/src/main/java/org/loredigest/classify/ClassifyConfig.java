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

        /** How old the freshest input of a second may be before the task is reading a backlog and defers; 0: never. */
        @WithDefault("5s")
        Duration backlogLag();

        /**
         * How many entries a source must still have had to read behind every recent mail (header
         * {@code lore.source-backlog}) for the task to count as reading a backlog; 0: never.
         */
        @WithDefault("200")
        long backlogEntries();

        /** The longest a changed thread waits to be published while a backlog is read. */
        @WithDefault("60s")
        Duration maxDeferral();
    }
}
