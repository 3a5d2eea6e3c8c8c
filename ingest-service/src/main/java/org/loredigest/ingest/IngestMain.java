package org.loredigest.ingest;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.loredigest.ingest.domain.ImportResult;
import org.loredigest.ingest.domain.ImportSession;
import org.loredigest.ingest.domain.SinkFailedException;
import org.loredigest.ingest.domain.files.LocalMail;
import org.loredigest.ingest.domain.files.Progress;

/**
 * Without arguments the service runs until stopped. With {@code import --list NAME PATH...} it imports the given
 * mbox, gzipped mbox, .eml files or maildir folders into Kafka, with a progress line on stderr, and exits: 0 when
 * every message was stored, 1 when some were not, 2 on bad usage.
 */
@QuarkusMain
public class IngestMain implements QuarkusApplication {

    static final String USAGE = "usage: ingest-service import --list NAME [--quiet] PATH [PATH ...]\n"
            + "  PATH: an mbox/mboxrd file, a gzipped mbox (.gz), a single message (.eml) or a maildir folder";

    @Inject
    MailImporter importer;

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return runCommand(List.of(args), System.out, System.err);
    }

    int runCommand(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (!args.get(0).equals("import")) {
            err.println("unknown command: " + args.get(0) + "\n" + USAGE);
            return 2;
        }
        String list = null;
        boolean quiet = false;
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--list") && i + 1 < args.size()) {
                list = args.get(++i);
            } else if (arg.startsWith("--list=")) {
                list = arg.substring("--list=".length());
            } else if (arg.equals("--quiet")) {
                quiet = true;
            } else {
                paths.add(Path.of(arg));
            }
        }
        if (list == null || paths.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        for (Path path : paths) {
            if (!Files.isReadable(path)) {
                err.println("cannot read " + path);
                return 2;
            }
        }
        int status = 0;
        for (Path path : paths) {
            try {
                ImportResult r = importWithProgress(path, list, quiet ? null : err);
                out.printf("%s: %d messages published, %d dead-lettered, %d duplicates, %.1f MB in %.1f s (%.0f msg/s)%n",
                        path, r.messages(), r.rejected(), r.duplicates(), r.bytes() / 1e6, r.millis() / 1000.0,
                        r.messagesPerSecond());
            } catch (SinkFailedException e) {
                err.println(path + ": " + e.getMessage());
                status = 1;
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        return status;
    }

    /** Imports one path while a daemon thread redraws the progress line four times a second. */
    private ImportResult importWithProgress(Path path, String list, PrintStream progress) throws IOException {
        long total = totalBytes(path);
        Instant started = Instant.now();
        AtomicReference<ImportSession> session = new AtomicReference<>();
        Thread painter = null;
        if (progress != null) {
            painter = Thread.ofPlatform().daemon().name("import-progress").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    draw(progress, session.get(), total, started);
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        try {
            return importer.importPath(path, list, session::set);
        } finally {
            if (painter != null) {
                painter.interrupt();
                draw(progress, session.get(), total, started);
                progress.println();
            }
        }
    }

    private static void draw(PrintStream progress, ImportSession session, long total, Instant started) {
        if (session != null) {
            // message bytes stand in for input bytes: close for mbox, and the best there is for gzip and maildir
            long read = Math.min(session.bytes(), total);
            progress.print("\r" + Progress.line(read, total, session.messages(), Duration.between(started, Instant.now())));
            progress.flush();
        }
    }

    private static long totalBytes(Path path) throws IOException {
        if (!LocalMail.isMaildir(path)) {
            return path.getFileName().toString().endsWith(".gz") ? 0 : Files.size(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
