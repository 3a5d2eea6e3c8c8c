package org.loredigest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;

/** The lore-cgroups corpus as raw messages, read once. Location: {@code -Dlore.shared.dir} (default {@code ../shared}). */
final class CorpusInput {

    final List<byte[]> messages;
    final long bytes;
    final Path directory;

    private CorpusInput(Path directory, List<byte[]> messages, long bytes) {
        this.directory = directory;
        this.messages = messages;
        this.bytes = bytes;
    }

    static CorpusInput loreCgroups() {
        Path shared = Paths.get(System.getProperty("lore.shared.dir", "../shared")).toAbsolutePath().normalize();
        Path dir = shared.resolve("corpus").resolve("lore-cgroups");
        List<byte[]> messages = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path mbox : files.filter(p -> p.toString().endsWith(".mbox")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(mbox)) {
                    for (MboxMessage m : (Iterable<MboxMessage>) new MboxReader(in).stream()::iterator) {
                        messages.add(m.raw());
                        bytes += m.raw().length;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus at " + dir + " (set -Dlore.shared.dir)", e);
        }
        return new CorpusInput(dir, List.copyOf(messages), bytes);
    }

    String describe() {
        return String.format("%d messages, %.1f MB (%d bytes, %.1f KB/message) from %s", messages.size(), bytes / 1e6, bytes,
                bytes / 1e3 / messages.size(), directory);
    }
}
