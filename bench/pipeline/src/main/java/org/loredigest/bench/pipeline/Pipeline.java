package org.loredigest.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loredigest.events.EventJson;
import org.loredigest.testkit.ElasticsearchServer;
import org.loredigest.testkit.KafkaServer;
import org.loredigest.testkit.PublicInboxServer;
import org.loredigest.testkit.ServiceProcess;

/**
 * The whole product on one machine for benchmarks and fault runs: a private Kafka broker and Elasticsearch node
 * (testkit) and the packaged services as child processes, possibly several instances of classify- and
 * report-service in one consumer group. Instances can be killed with SIGKILL and restarted; their peak memory is
 * sampled over their lives.
 */
public final class Pipeline implements AutoCloseable {

    public static final String INGEST = "ingest-service";
    public static final String CLASSIFY = "classify-service";
    public static final String REPORT = "report-service";
    /** The JVM options every service gets unless a run says otherwise, as in {@code bin/stack}. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=128m", "-Xss512k",
            "-Djdk.nio.maxCachedBufferSize=262144", "-XX:TrimNativeHeapInterval=1000");
    /** Options classify-service gets on top of {@link #DEFAULT_JVM_OPTIONS}, as in {@code bin/stack}: none now. */
    public static final List<String> CLASSIFY_EXTRA_JVM_OPTIONS = List.of();
    /**
     * The broker's and the node's JVM options, as in {@code bin/stack}: the C1 compiler only. Their C2 compilations
     * cost more CPU than the faster code saves (measured in docs/performance.md). A run may set either property itself.
     */
    public static final Map<String, String> BROKER_AND_NODE_JVM_OPTIONS = Map.of(
            KafkaServer.JVM_OPTIONS_PROPERTY, "-Xms128m -Xmx512m -XX:TieredStopAtLevel=1",
            ElasticsearchServer.JVM_OPTIONS_PROPERTY, "-Xms512m -Xmx512m -XX:TieredStopAtLevel=1");
    /** Options added after all others for classify-service only, e.g. to compare compiler settings. */
    public static final String CLASSIFY_JVM_PROPERTY = "bench.classify-jvm";
    /** Options added after all others for ingest-service only. */
    public static final String INGEST_JVM_PROPERTY = "bench.ingest-jvm";

    public static final ObjectMapper JSON = EventJson.mapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final String API_KEY = "pipeline-" + Long.toHexString(System.nanoTime());

    /** How many instances of each service, with which JVM options. */
    public record Layout(int classifyInstances, int reportInstances, List<String> jvmOptions) {
        public static Layout single() {
            return new Layout(1, 1, DEFAULT_JVM_OPTIONS);
        }
    }

    private final Path root;
    private final Path workDir;
    private final KafkaServer kafka;
    private final ElasticsearchServer elasticsearch;
    private final Map<String, String> config;
    private final Map<String, ServiceProcess> instances = new LinkedHashMap<>();
    private final Map<String, List<String>> jvmOptions = new HashMap<>();
    private final Map<String, Long> peakRssKib = new HashMap<>();
    private final java.util.Set<String> killed = new java.util.HashSet<>();

    private Pipeline(Path root, Path workDir, KafkaServer kafka, ElasticsearchServer elasticsearch, Map<String, String> config) {
        this.root = root;
        this.workDir = workDir;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.config = config;
    }

    /** Starts broker, node and services; returns when every instance is ready. */
    public static Pipeline start(Path root, Path workDir, Path sharedDir, Layout layout) throws Exception {
        // The broker is new: state of an earlier run (Kafka Streams stores and their checkpoints) must not be restored.
        deleteTree(workDir);
        Files.createDirectories(workDir);
        BROKER_AND_NODE_JVM_OPTIONS.forEach(System.getProperties()::putIfAbsent);
        KafkaServer kafka = KafkaServer.start();
        ElasticsearchServer elasticsearch = ElasticsearchServer.start();
        Map<String, String> config = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.elasticsearch.hosts", elasticsearch.hostAndPort(),
                "lore.ingest.api-key", API_KEY,
                // the test inboxes are served on and stored on this machine: allowed explicitly
                "lore.ingest.source-policy.allowed-hosts", "127.0.0.1",
                "lore.ingest.source-policy.allow-loopback", "true",
                "lore.ingest.source-policy.dir-root", PublicInboxServer.workRoot().toString()));
        Path maintainers = sharedDir.resolve("data/MAINTAINERS");
        if (Files.isReadable(maintainers)) {
            config.put("lore.classify.maintainers-file", maintainers.toAbsolutePath().toString());
        }
        Pipeline pipeline = new Pipeline(root, workDir, kafka, elasticsearch, config);
        try {
            pipeline.launch(INGEST, INGEST, withExtra(layout.jvmOptions(), INGEST_JVM_PROPERTY));
            List<String> classifyOptions = new ArrayList<>(layout.jvmOptions());
            if (layout.jvmOptions().equals(DEFAULT_JVM_OPTIONS)) {
                classifyOptions.addAll(CLASSIFY_EXTRA_JVM_OPTIONS); // the last -Xmx wins
            }
            for (int i = 1; i <= layout.classifyInstances(); i++) {
                pipeline.launch(CLASSIFY, instanceName(CLASSIFY, i), withExtra(classifyOptions, CLASSIFY_JVM_PROPERTY));
            }
            for (int i = 1; i <= layout.reportInstances(); i++) {
                pipeline.launch(REPORT, instanceName(REPORT, i), layout.jvmOptions());
            }
            for (ServiceProcess instance : pipeline.instances.values()) {
                instance.awaitReady(HTTP, READY_TIMEOUT);
            }
        } catch (Exception | Error e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** {@code classify-service} for the first instance, {@code classify-service-2} for the second, … */
    public static String instanceName(String module, int n) {
        return n == 1 ? module : module + "-" + n;
    }

    private void launch(String module, String instance, List<String> jvmOptions) throws IOException {
        Map<String, String> own = new HashMap<>(config);
        // Kafka Streams locks its state directory: one per instance.
        own.put("kafka-streams.state.dir", workDir.resolve("state-" + instance).toString());
        instances.put(instance, ServiceProcess.start(root, module, instance, own, workDir.resolve("logs"), jvmOptions));
        this.jvmOptions.put(instance, List.copyOf(jvmOptions));
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public ElasticsearchServer elasticsearch() {
        return elasticsearch;
    }

    public ServiceProcess instance(String name) {
        ServiceProcess instance = instances.get(name);
        if (instance == null) {
            throw new IllegalArgumentException("no instance " + name + "; running: " + instances.keySet());
        }
        return instance;
    }

    /** The JVM options an instance runs with. */
    public List<String> jvmOptions(String instance) {
        return jvmOptions.getOrDefault(instance, List.of());
    }

    public List<String> instanceNames() {
        return List.copyOf(instances.keySet());
    }

    /** SIGKILL: the instance dies mid-work, as on a power cut or an OOM kill. */
    public synchronized void kill(String name) throws InterruptedException {
        sampleMemory();
        instance(name).kill();
        killed.add(name);
    }

    /** Starts a killed instance again with its configuration, port and state directory; returns when it is ready. */
    public void restart(String name) throws Exception {
        ServiceProcess again = instance(name).restart();
        synchronized (this) {
            instances.put(name, again);
            killed.remove(name);
        }
        again.awaitReady(HTTP, READY_TIMEOUT);
    }

    /** Adds a followed source to ingest-service ({@code type} git, dir or http), polled every {@code pollInterval}. */
    public void follow(String name, String type, String list, String url, Duration pollInterval) throws Exception {
        String body = JSON.writeValueAsString(Map.of("name", name, "type", type, "list", list, "url", url,
                "pollInterval", pollInterval.toString()));
        var response = HTTP.send(HttpRequest.newBuilder(instance(INGEST).uri("/api/sources"))
                .header("Content-Type", "application/json").header("X-Api-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("adding source " + name + " failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** Mail ingest-service has published over all its sources, or -1 while it does not answer (e.g. killed). */
    public long published() {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(instance(INGEST).uri("/api/sources")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long published = 0;
            for (JsonNode source : JSON.readTree(response.body())) {
                published += source.path("published").asLong();
            }
            return published;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Records each running instance's peak RSS so far; the peak of a killed instance stays recorded. */
    public synchronized void sampleMemory() {
        instances.forEach((name, instance) -> {
            if (instance.isAlive()) {
                peakRssKib.merge(name, instance.peakRssKib(), Math::max);
            }
        });
    }

    /** Instance → highest peak RSS seen, in KiB. */
    public synchronized Map<String, Long> peakRssKib() {
        sampleMemory();
        return new LinkedHashMap<>(peakRssKib);
    }

    /** Instances that are not running although nobody killed them: crashed or exited on their own. */
    public synchronized List<String> unexpectedlyDown() {
        return instances.entrySet().stream().filter(e -> !e.getValue().isAlive() && !killed.contains(e.getKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** The end of an instance's log, for failure messages. */
    public String tail(String name) {
        return instance(name).tail();
    }

    @Override
    public void close() {
        List<ServiceProcess> running;
        synchronized (this) {
            running = new ArrayList<>(instances.values());
        }
        for (ServiceProcess instance : running.reversed()) {
            instance.close();
        }
        elasticsearch.close();
        kafka.close();
    }

    /** GET or POST on the node, for the harness's own reads. */
    public JsonNode elasticsearch(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(elasticsearch.httpUrl() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofMinutes(2)).build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** {@code options}, then those of the system property {@code property} (the last of each option wins). */
    private static List<String> withExtra(List<String> options, String property) {
        String extra = System.getProperty(property, "").trim();
        if (extra.isEmpty()) {
            return options;
        }
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(extra.split("\\s+")));
        return all;
    }
}
