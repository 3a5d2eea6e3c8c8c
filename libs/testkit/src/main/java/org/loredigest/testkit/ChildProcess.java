package org.loredigest.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A long-running server process: its output goes to one log file, readiness is polled, and stopping it stops the
 * whole process tree (launcher scripts such as {@code bin/elasticsearch} or {@code runuser} fork the real server).
 */
final class ChildProcess {

    /** A readiness check; an exception counts as "not yet". */
    @FunctionalInterface
    interface Probe {
        boolean ready() throws Exception;
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final String name;
    private final Process process;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;

    private ChildProcess(String name, Process process, Path log, List<String> command, Map<String, String> environment,
                         Path workDir) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            ChildProcess child = new ChildProcess(name, process, log, command, environment, workDir);
            LeftoverProcesses.record(workDir, process.pid());
            // A safety net for servers nobody closed; a stopped process makes this a no-op.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (process.isAlive()) {
                    child.stop(Duration.ofSeconds(5));
                }
            }, "lore-testkit-stop-" + process.pid()));
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** The same command again, for a server restarted on its old ports and data; call after {@link #stop}. */
    ChildProcess relaunch() {
        return start(name, command, environment, workDir, log);
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Polls {@code probe} until it answers true. Fails early if the process exits, and after {@code timeout}; either
     * way the process is stopped and the error carries the tail of its log.
     */
    void awaitReady(Duration timeout, Probe probe, String... extraLogs) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw failure(name + " exited with code " + process.exitValue() + " before it was ready", extraLogs);
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(Duration.ZERO);
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            } catch (Exception notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                stop(Duration.ofSeconds(5));
                throw failure(name + " was not ready within " + timeout.toSeconds() + " s", extraLogs);
            }
            sleep(POLL_INTERVAL);
        }
    }

    private IllegalStateException failure(String message, String... extraLogs) {
        StringBuilder text = new StringBuilder(message)
                .append("\n--- last lines of ").append(log).append(":\n").append(FileTrees.tail(log, 40));
        for (String extra : extraLogs) {
            Path extraLog = Path.of(extra);
            text.append("\n--- last lines of ").append(extraLog).append(":\n").append(FileTrees.tail(extraLog, 20));
        }
        return new IllegalStateException(text.toString());
    }

    /**
     * Asks every process of the tree to stop (SIGTERM), waits up to {@code grace}, then kills what is left.
     * {@code alsoStop} adds processes that may have left the tree (for example a pid from a pid file).
     */
    void stop(Duration grace, ProcessHandle... alsoStop) {
        // Collect the tree first: once the launcher dies its children are re-parented and no longer descendants.
        List<ProcessHandle> tree = new ArrayList<>(Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList());
        tree.addAll(List.of(alsoStop));
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // still running: killed below
                }
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
