package org.loredigest.ingest.source.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local public-inbox v2 mirror ({@code DIR/git/0.git, 1.git, ...}), kept current by public-inbox itself,
 * {@code public-inbox-clone}/{@code grok-pull} or a previous run: read in place, never written.
 */
final class LocalEpochs implements Epochs {

    static final Pattern EPOCH_DIR = Pattern.compile("(\\d+)\\.git");

    private final Path inboxDir;
    private final UnaryOperator<Path> confine;

    LocalEpochs(Path inboxDir) {
        this(inboxDir, UnaryOperator.identity());
    }

    /**
     * @param confine gives the real path of a folder to read, or throws when it lies where sources may not read;
     *                applied at every refresh to the inbox, its {@code git/} folder and each epoch, so a symbolic
     *                link among them cannot lead elsewhere
     */
    LocalEpochs(Path inboxDir, UnaryOperator<Path> confine) {
        this.inboxDir = inboxDir;
        this.confine = confine;
    }

    @Override
    public List<Epoch> refresh() throws IOException {
        Path git = confine.apply(confine.apply(inboxDir).resolve("git"));
        if (!Files.isDirectory(git)) {
            throw new IOException("not a public-inbox v2 mirror (no git/ folder): " + inboxDir);
        }
        try (Stream<Path> children = Files.list(git)) {
            return children.map(p -> {
                Matcher m = EPOCH_DIR.matcher(p.getFileName().toString());
                return m.matches() ? new Epoch(Integer.parseInt(m.group(1)), confine.apply(p), "dir:" + p) : null;
            }).filter(java.util.Objects::nonNull).sorted(Comparator.comparingInt(Epoch::number)).toList();
        }
    }
}
