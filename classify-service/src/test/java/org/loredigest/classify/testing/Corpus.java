package org.loredigest.classify.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.loredigest.mail.maintainers.Maintainers;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;

/** The shared corpus and MAINTAINERS beside the repository (system property {@code lore.shared.dir}). */
public final class Corpus {

    public static final Path SHARED = Path.of(System.getProperty("lore.shared.dir", "../../shared"));
    public static final List<String> Q1_2024 = List.of("cgroups-2024-01.mbox", "cgroups-2024-02.mbox", "cgroups-2024-03.mbox");

    private Corpus() {
    }

    public static Path cgroups(String file) {
        return SHARED.resolve("corpus/lore-cgroups").resolve(file);
    }

    /** linux-security-module@vger.kernel.org, 2024-07..12: the second source of labelled threads. */
    public static Path securityModule() {
        return SHARED.resolve("corpus/lore-linux-security-module/linux-security-module-2024H2.mbox");
    }

    public static List<byte[]> messages(Path mbox) {
        try (InputStream in = Files.newInputStream(mbox); MboxReader reader = new MboxReader(in)) {
            return reader.stream().map(MboxMessage::raw).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + mbox, e);
        }
    }

    public static Optional<Maintainers> maintainers() {
        Path file = SHARED.resolve("data/MAINTAINERS");
        try {
            return Files.isRegularFile(file) ? Optional.of(Maintainers.load(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
