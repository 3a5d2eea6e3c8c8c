package org.loredigest.ingest;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.loredigest.ingest.domain.ImportResult;
import org.loredigest.ingest.domain.SinkFailedException;

/**
 * Without arguments the service runs until stopped. With {@code import --list NAME FILE...} it imports the given
 * mbox files into Kafka and exits: 0 when every message was stored, 1 when some were not, 2 on bad usage.
 */
@QuarkusMain
public class IngestMain implements QuarkusApplication {

    static final String USAGE = "usage: ingest-service import --list NAME FILE.mbox [FILE.mbox ...]";

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
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--list") && i + 1 < args.size()) {
                list = args.get(++i);
            } else if (arg.startsWith("--list=")) {
                list = arg.substring("--list=".length());
            } else {
                files.add(Path.of(arg));
            }
        }
        if (list == null || files.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                err.println("cannot read " + file);
                return 2;
            }
        }
        int status = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                ImportResult r = importer.importMbox(in, list, "mbox:" + file.getFileName());
                out.printf("%s: %d messages published, %d dead-lettered, %.1f MB in %.1f s (%.0f msg/s)%n", file,
                        r.messages(), r.rejected(), r.bytes() / 1e6, r.millis() / 1000.0, r.messagesPerSecond());
            } catch (SinkFailedException e) {
                err.println(file + ": " + e.getMessage());
                status = 1;
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        return status;
    }
}
