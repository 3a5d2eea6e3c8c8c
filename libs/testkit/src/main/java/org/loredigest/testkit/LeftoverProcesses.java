package org.loredigest.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Shutdown hooks do not run when a test JVM is killed (SIGKILL, a crashed fork), which would leave brokers and nodes
 * running. Each server folder therefore records the test JVM's pid and the server's pid; before a new server starts,
 * servers whose test JVM is gone are stopped.
 */
final class LeftoverProcesses {

    private static final String FILE = "owner.pids";

    private LeftoverProcesses() {
    }

    static void record(Path serverDir, long serverPid) {
        try {
            Files.writeString(serverDir.resolve(FILE), ProcessHandle.current().pid() + " " + serverPid + "\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // Only the clean-up after a killed JVM depends on it.
        }
    }

    /** Stops servers under {@code testkitDir} whose test JVM no longer runs. */
    static void reap(Path testkitDir) {
        if (!Files.isDirectory(testkitDir)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(testkitDir)) {
            dirs.filter(dir -> Files.isRegularFile(dir.resolve(FILE))).forEach(LeftoverProcesses::reapOne);
        } catch (IOException e) {
            // best effort
        }
    }

    private static void reapOne(Path serverDir) {
        try {
            String[] pids = Files.readString(serverDir.resolve(FILE), StandardCharsets.US_ASCII).strip().split(" ");
            boolean ownerAlive = ProcessHandle.of(Long.parseLong(pids[0])).map(ProcessHandle::isAlive).orElse(false);
            if (ownerAlive) {
                return;
            }
            Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(pids[1]));
            // Folders are named <server>-<port> and every server gets its port on the command line; checking it
            // avoids killing an unrelated process that reused the pid.
            String name = serverDir.getFileName().toString();
            String port = name.substring(name.lastIndexOf('-') + 1);
            if (server.isPresent() && server.get().info().commandLine().orElse("").contains(port)) {
                Stream.concat(server.get().descendants(), Stream.of(server.get())).forEach(ProcessHandle::destroyForcibly);
                System.err.println("lore-testkit: stopped a server left running by a test JVM that died: " + serverDir);
            }
            Files.deleteIfExists(serverDir.resolve(FILE));
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }
}
