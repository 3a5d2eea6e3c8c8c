package org.loredigest.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A single-node Elasticsearch run as a child process from {@code <runtime>/elasticsearch-VERSION/bin/elasticsearch},
 * with its own config copy, data and logs in {@code target/testkit/elasticsearch-<port>/}. As root it runs as the
 * user {@code esrun}.
 */
final class ElasticsearchProcess implements ElasticsearchServer {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String hostAndPort;
    private final Path dir;
    private ChildProcess node;

    private ElasticsearchProcess(String hostAndPort, Path dir, ChildProcess node) {
        this.hostAndPort = hostAndPort;
        this.dir = dir;
        this.node = node;
    }

    static final String DEFAULT_JVM_OPTIONS = "-Xms512m -Xmx512m";

    static ElasticsearchProcess start() {
        Path home = TestkitPaths.elasticsearchHome();
        requireJava21();
        int httpPort = FreePorts.pick();
        int transportPort = FreePorts.pick();
        Path dir = TestkitPaths.workDir("elasticsearch-" + httpPort);
        Path config = dir.resolve("config");
        Path data = dir.resolve("data");
        Path logs = dir.resolve("logs");
        Path setupLog = dir.resolve("setup.log");
        try {
            // A config folder per node: Elasticsearch writes its keystore there, and nodes may start concurrently.
            FileTrees.copy(home.resolve("config"), config);
            Files.createDirectories(data);
            Files.createDirectories(logs);
            Files.createDirectories(dir.resolve("tmp"));
            makeScriptsExecutable(home.resolve("bin"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dir, e);
        }

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ES_JAVA_HOME", TestkitPaths.javaHome().toString());
        environment.put("ES_JAVA_OPTS", System.getProperty(ElasticsearchServer.JVM_OPTIONS_PROPERTY, DEFAULT_JVM_OPTIONS));
        environment.put("ES_PATH_CONF", config.toString());
        environment.put("ES_TMPDIR", dir.resolve("tmp").toString());
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/elasticsearch").toString(),
                "-p", dir.resolve("elasticsearch.pid").toString()));
        for (String setting : settings(httpPort, transportPort, data, logs)) {
            command.add("-E");
            command.add(setting);
        }

        Map<String, String> processEnvironment = environment;
        if (UnprivilegedUser.runningAsRoot()) {
            UnprivilegedUser.ensureExists(setupLog);
            UnprivilegedUser.own(home, setupLog);
            UnprivilegedUser.own(dir, setupLog);
            UnprivilegedUser.requireAccess(TestkitPaths.javaExecutable(), "-x", "the JDK that runs Elasticsearch");
            UnprivilegedUser.requireAccess(dir, "-w", "the node's data folder");
            command = UnprivilegedUser.wrap(command, environment);
            processEnvironment = Map.of();
        }

        ChildProcess node = ChildProcess.start("Elasticsearch", command, processEnvironment, dir, dir.resolve("elasticsearch.log"));
        String hostAndPort = "127.0.0.1:" + httpPort;
        awaitHealthy(node, hostAndPort, logs);
        return new ElasticsearchProcess(hostAndPort, dir, node);
    }

    private static void awaitHealthy(ChildProcess node, String hostAndPort, Path logs) {
        URI health = URI.create("http://" + hostAndPort + "/_cluster/health?wait_for_status=yellow&timeout=1s");
        // GET / answers 405 on this distribution; cluster health is the readiness signal.
        node.awaitReady(STARTUP_TIMEOUT, () -> HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200, logs.resolve("lore-testkit.log").toString());
    }

    @Override
    public synchronized void restart(Duration downtime) {
        node.stop(Duration.ofSeconds(10), pidFromFile().stream().toArray(ProcessHandle[]::new));
        KafkaProcess.sleep(downtime);
        node = node.relaunch();
        awaitHealthy(node, hostAndPort, dir.resolve("logs"));
    }

    private static List<String> settings(int httpPort, int transportPort, Path data, Path logs) {
        return List.of(
                "cluster.name=lore-testkit",
                "node.name=testkit-" + httpPort,
                "discovery.type=single-node",
                "xpack.security.enabled=false",
                "network.host=127.0.0.1",
                "http.port=" + httpPort,
                "transport.port=" + transportPort,
                "path.data=" + data,
                "path.logs=" + logs,
                // Build machines often have full-ish disks; a test node must not turn indices read-only.
                "cluster.routing.allocation.disk.threshold_enabled=false");
    }

    private static void requireJava21() {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("Elasticsearch " + TestkitPaths.elasticsearchVersion()
                    + " needs Java 21 or newer, and the testkit runs it on the test JVM's java.home ("
                    + TestkitPaths.javaHome() + ", Java " + Runtime.version().feature() + "). Run the tests on JDK 21+.");
        }
    }

    /** Zip extraction may drop the executable bits of the launcher scripts. */
    private static void makeScriptsExecutable(Path bin) throws IOException {
        try (Stream<Path> scripts = Files.list(bin)) {
            for (Path script : scripts.filter(p -> !p.toString().endsWith(".bat")).toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(script);
                if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(script, permissions);
                }
            }
        }
    }

    @Override
    public String hostAndPort() {
        return hostAndPort;
    }

    @Override
    public synchronized void close() {
        node.stop(Duration.ofSeconds(10), pidFromFile().stream().toArray(ProcessHandle[]::new));
        FileTrees.deleteQuietly(dir.resolve("data"));
    }

    private Optional<ProcessHandle> pidFromFile() {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve("elasticsearch.pid")).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "Elasticsearch at " + httpUrl() + " (pid " + node.pid() + ", log " + node.log() + ")";
    }
}
