package org.loredigest.ingest.domain.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.loredigest.ingest.domain.ImportSession;
import org.loredigest.ingest.domain.MboxImport;

/**
 * Local mail in the formats people keep it in: mbox/mboxrd, gzipped mbox ({@code .gz}, recognised by its magic
 * bytes, with decompression limits; a broken one is dead-lettered), a single message ({@code .eml}: input without a
 * {@code From } line is one message) and maildir (a folder with {@code cur/} and {@code new/}, one message per file,
 * read in name order).
 */
public final class LocalMail {

    /**
     * @param maxMessageBytes      larger messages are dead-lettered
     * @param maxDecompressedBytes gzip limit on the decompressed size
     * @param maxRatio             gzip limit on decompressed/compressed
     */
    public record Limits(int maxMessageBytes, long maxDecompressedBytes, double maxRatio) {
    }

    private final Limits limits;

    public LocalMail(Limits limits) {
        this.limits = limits;
    }

    public static boolean isMaildir(Path path) {
        return Files.isDirectory(path.resolve("cur")) || Files.isDirectory(path.resolve("new"));
    }

    /** The {@code lore.source} label of a local path. */
    public static String sourceLabel(Path path) {
        return (isMaildir(path) ? "maildir:" : "mbox:") + path.getFileName();
    }

    /** Reads an mbox, gzipped mbox or single message stream into the session. */
    public void readStream(InputStream in, ImportSession session) throws IOException {
        InputStream mail;
        try {
            mail = BoundedGzip.maybeDecompress(in, limits.maxDecompressedBytes(), limits.maxRatio());
        } catch (BrokenInputException e) {
            session.reject("input", e.getMessage() + "; nothing of the input was read", new byte[0]);
            return;
        }
        MboxImport.readInto(mail, session, limits.maxMessageBytes());
    }

    /** Reads a file or maildir into the session. */
    public void readPath(Path path, ImportSession session) throws IOException {
        if (isMaildir(path)) {
            for (Path message : maildirMessages(path)) {
                byte[] raw = readLimited(message, session);
                if (raw != null) {
                    session.message(raw, "file:" + path.relativize(message));
                }
            }
            return;
        }
        try (InputStream in = Files.newInputStream(path)) {
            readStream(in, session);
        }
    }

    /** Files of {@code cur/} and {@code new/}, skipping dot files (maildir's in-progress names live in tmp/). */
    static List<Path> maildirMessages(Path maildir) throws IOException {
        List<Path> messages = new ArrayList<>();
        for (String sub : List.of("cur", "new")) {
            Path dir = maildir.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().forEach(messages::add);
            }
        }
        return messages;
    }

    private byte[] readLimited(Path message, ImportSession session) throws IOException {
        long size = Files.size(message);
        if (size > limits.maxMessageBytes()) {
            try (InputStream in = Files.newInputStream(message)) {
                session.reject("file:" + message.getFileName(), "message of " + size + " bytes exceeds the limit of "
                        + limits.maxMessageBytes() + " bytes", in.readNBytes(64 * 1024));
            }
            return null;
        }
        return Files.readAllBytes(message);
    }
}
