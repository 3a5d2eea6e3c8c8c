package org.loredigest.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) as a child process on a free loopback
 * port, configured with system properties and logging to a file: how end-to-end tests and benchmarks run the
 * real services side by side with the test servers.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The JVM options of {@link #start(Path, String, Map, Path)}. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx384m");

    /** How to launch one instance; kept so that {@link #restart()} launches the same again. */
    private record Launch(Path jar, String instance, Map<String, String> config, Path log, List<String> jvmOptions,
                          int port) {
    }

    private final Launch launch;
    private final Process process;

    private ServiceProcess(Launch launch, Process process) {
        this.launch = launch;
        this.process = process;
    }

    /**
     * Starts {@code root/name}'s packaged jar.
     *
     * @param root   the repository root
     * @param name   the service module, e.g. {@code report-service}
     * @param config Quarkus configuration, passed as {@code -Dkey=value}
     * @param logDir where {@code name.log} is written
     */
    public static ServiceProcess start(Path root, String name, Map<String, String> config, Path logDir) throws IOException {
        return start(root, name, name, config, logDir, DEFAULT_JVM_OPTIONS);
    }

    /**
     * Starts one instance of {@code root/module}'s packaged jar; several instances of a module may run side by side.
     *
     * @param instance   names the instance and its log file ({@code instance.log}), e.g. {@code classify-service-2}
     * @param jvmOptions e.g. {@code -Xmx256m}
     */
    public static ServiceProcess start(Path root, String module, String instance, Map<String, String> config, Path logDir,
                                       List<String> jvmOptions) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        Path log = Files.createDirectories(logDir).resolve(instance + ".log");
        Files.deleteIfExists(log);
        return launch(new Launch(jar, instance, Map.copyOf(config), log, List.copyOf(jvmOptions), FreePorts.pick()));
    }

    private static ServiceProcess launch(Launch launch) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(launch.jvmOptions());
        command.add("-Dquarkus.http.port=" + launch.port());
        launch.config().forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", launch.jar().toString()));
        // Appended: a restarted instance keeps the log of its previous life.
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log().toFile())).start();
        // A safety net when the caller is itself stopped before it closes its services.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "lore-testkit-stop-" + process.pid()));
        return new ServiceProcess(launch, process);
    }

    public String name() {
        return launch.instance();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + launch.port() + pathAndQuery);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the JVM with SIGKILL: no shutdown hooks, no flush, no offset commit — a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** The same jar, configuration and port again, logging to the same file; the caller waits for readiness. */
    public ServiceProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name() + " is still running (pid " + pid() + ")");
        }
        return launch(launch);
    }

    /**
     * Peak resident set size of the JVM so far, in KiB ({@code VmHWM} of {@code /proc/PID/status}), or -1 where
     * {@code /proc} does not tell.
     */
    public long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Waits for {@code /q/health/ready}; fails with the end of the service's log when it exits or times out. */
    public void awaitReady(HttpClient http, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the HTTP server is not up yet: poll again
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name() + " not ready within " + timeout + ":\n" + tail());
    }

    /** The last 40 lines of the service's log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(launch.log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
