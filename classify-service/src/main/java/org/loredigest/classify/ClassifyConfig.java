package org.loredigest.classify;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "lore.classify")
public interface ClassifyConfig {

    /**
     * The kernel's MAINTAINERS file for subsystem labels (never bundled). Without it, subsystems are named after the
     * list (cgroups: CONTROL GROUP (CGROUP), linux-mm: MEMORY MANAGEMENT).
     */
    Optional<Path> maintainersFile();
}
