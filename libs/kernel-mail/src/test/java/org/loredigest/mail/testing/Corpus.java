package org.loredigest.mail.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The shared corpus beside the repository (system property {@code lore.shared.dir}). */
public final class Corpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {
    }

    public static Path sharedDir() {
        String dir = System.getProperty("lore.shared.dir");
        return Paths.get(dir == null ? "../../../shared" : dir).toAbsolutePath().normalize();
    }

    public static Path corpus() {
        return sharedDir().resolve("corpus");
    }

    public static Path maintainers() {
        return sharedDir().resolve("data").resolve("MAINTAINERS");
    }

    public static boolean available() {
        return Files.isDirectory(corpus());
    }

    public static List<Path> mboxes(String directory) {
        try (Stream<Path> files = Files.list(corpus().resolve(directory))) {
            return files.filter(p -> p.toString().endsWith(".mbox")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> allMboxes() {
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("lore-cgroups", "linux-mm-kvack", "patchwork-fixtures", "damon-format-patch")) {
            all.addAll(mboxes(dir));
        }
        return all;
    }

    public static List<MboxMessage> read(Path mbox) {
        try (InputStream in = Files.newInputStream(mbox)) {
            return new MboxReader(in).stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] sample(String file) {
        try {
            return Files.readAllBytes(corpus().resolve("samples").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The oracle beside an mbox ({@code x.mbox} to {@code x.index.json}), or null. */
    public static JsonNode index(Path mbox) {
        Path index = mbox.resolveSibling(mbox.getFileName().toString().replace(".mbox", ".index.json"));
        return Files.exists(index) ? json(index) : null;
    }
}
