package org.loredigest.bench.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;

/**
 * Builds a public-inbox v2 epoch ({@code INBOX/git/0.git}) from mbox files with {@code git fast-import}, in the layout
 * public-inbox writes: one commit per message on {@code refs/heads/master}, tree = the single blob {@code m}. The
 * result is one pack file in which each message is a delta on the one before, as public-inbox writes new mail (a
 * clone of a repacked lore epoch has older messages as deltas on newer ones; see bench/README.md).
 */
final class CorpusEpoch {

    /** The messages written, in commit order, and their total size. */
    record Contents(List<byte[]> messages, long bytes) {
    }

    private CorpusEpoch() {
    }

    /** Every {@code *.mbox} below {@code dir}, in path order. */
    static List<Path> mboxesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mbox")).sorted().toList();
        }
    }

    static Contents write(Path inboxDir, List<Path> mboxes) throws IOException, InterruptedException {
        Path gitDir = inboxDir.resolve("git").resolve("0.git");
        Files.createDirectories(gitDir);
        run(List.of("git", "init", "--quiet", "--bare", gitDir.toString()));
        Process importer = new ProcessBuilder("git", "--git-dir=" + gitDir, "fast-import", "--quiet", "--done")
                .redirectErrorStream(true).redirectOutput(inboxDir.resolve("fast-import.log").toFile()).start();
        List<byte[]> messages = new ArrayList<>();
        long bytes = 0;
        long time = 1_700_000_000L;
        try (OutputStream out = new BufferedOutputStream(importer.getOutputStream(), 1 << 16)) {
            for (Path mbox : mboxes) {
                try (InputStream in = Files.newInputStream(mbox)) {
                    for (Iterator<MboxMessage> it = new MboxReader(in); it.hasNext(); ) {
                        byte[] raw = it.next().raw();
                        if (raw.length == 0) {
                            continue;
                        }
                        messages.add(raw);
                        bytes += raw.length;
                        commit(out, raw, time++);
                    }
                }
            }
            out.write("done\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (!importer.waitFor(5, TimeUnit.MINUTES) || importer.exitValue() != 0) {
            throw new IOException("git fast-import failed, see " + inboxDir.resolve("fast-import.log"));
        }
        return new Contents(messages, bytes);
    }

    private static void commit(OutputStream out, byte[] raw, long time) throws IOException {
        byte[] subject = "bench message\n".getBytes(StandardCharsets.US_ASCII);
        String header = "commit refs/heads/master\n"
                + "author lore bench <bench@lore.test> " + time + " +0000\n"
                + "committer lore bench <bench@lore.test> " + time + " +0000\n"
                + "data " + subject.length + "\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(subject);
        out.write(("deleteall\nM 100644 inline m\ndata " + raw.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(raw);
        out.write('\n');
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed with " + p.exitValue());
        }
    }
}
