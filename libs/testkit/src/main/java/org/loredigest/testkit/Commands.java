package org.loredigest.testkit;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs short-lived commands (format storage, init an inbox, chown) and fails with their output when they fail. */
final class Commands {

    /** Long enough for setup; indexing a large benchmark archive on a slow machine may need more. */
    private static final long TIMEOUT_MINUTES = Long.getLong("lore.testkit.command-timeout-minutes", 10);

    private Commands() {
    }

    /** The executable's path if it is on {@code PATH}. */
    static Optional<Path> onPath(String executable) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs a command, appending its output to {@code log}; throws with the log's tail if it exits non-zero. */
    static void run(String what, List<String> command, Map<String, String> environment, Path log) {
        run(what, command, environment, log, null);
    }

    /** As {@link #run(String, List, Map, Path)}, feeding {@code stdin} to the command. */
    static void run(String what, List<String> command, Map<String, String> environment, Path log, byte[] stdin) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        int exit = waitFor(what, command, start(what, builder, stdin));
        if (exit != 0) {
            throw new IllegalStateException(what + " failed (exit code " + exit + "): " + String.join(" ", command)
                    + "\n--- last lines of " + log + ":\n" + FileTrees.tail(log, 30));
        }
    }

    /** Runs a command and returns its standard output; throws with its output if it exits non-zero. */
    static String output(String what, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = start(what, builder, null);
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": cannot read the output of " + command, e);
        }
        int exit = waitFor(what, command, process);
        if (exit != 0) {
            throw new IllegalStateException(what + " failed (exit code " + exit + "): " + String.join(" ", command)
                    + "\n" + output);
        }
        return output.strip();
    }

    /** Exit code of a command whose output does not matter (a probe such as {@code id esrun}). */
    static int exitCode(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return waitFor(String.join(" ", command), command, start(command.get(0), builder, null));
    }

    private static Process start(String what, ProcessBuilder builder, byte[] stdin) {
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": cannot run " + String.join(" ", builder.command()), e);
        }
    }

    private static int waitFor(String what, List<String> command, Process process) {
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + TIMEOUT_MINUTES + " minutes: "
                        + String.join(" ", command));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }
}
