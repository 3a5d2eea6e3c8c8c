package org.loredigest.ingest.source.git;

import java.nio.file.Path;

/**
 * One public-inbox v2 epoch repository available locally.
 *
 * @param number epoch number (0, 1, ...)
 * @param gitDir the bare repository
 * @param source how records name it ({@code lore.source}), e.g. {@code git:https://lore.kernel.org/linux-mm/0}
 */
record Epoch(int number, Path gitDir, String source) {
}
