package org.loredigest.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.loredigest.bench.pipeline.Pipeline;
import org.loredigest.events.Topics;

/** The fault runs: what runs, and what goes wrong while the backfill is under way. */
final class Scenarios {

    /** Something done to a running pipeline in the middle of its backfill. */
    @FunctionalInterface
    interface Fault {
        void inject(Pipeline pipeline, Progress progress) throws Exception;
    }

    /** A named run: its service layout and its fault. */
    record Scenario(String name, String description, Pipeline.Layout layout, Fault fault) {
    }

    static final Fault NONE = (pipeline, progress) -> { };

    static final Map<String, Scenario> ALL = new LinkedHashMap<>();

    /**
     * Runs that break the pipeline's promise on purpose, to show the verdict catches it: each must end in FAIL.
     * Not part of {@code all}.
     */
    static final Map<String, Scenario> VERDICT_CHECKS = new LinkedHashMap<>();

    static {
        add(new Scenario("control", "no fault: a second fault-free run, which must match the first",
                Pipeline.Layout.single(), NONE));
        add(new Scenario("kill-each-service", "SIGKILL ingest-, classify- and report-service in turn mid-backfill, restart each",
                Pipeline.Layout.single(), Scenarios::killEachService));
        add(new Scenario("elasticsearch-outage", "Elasticsearch stopped for 60 s mid-stream, then started again",
                Pipeline.Layout.single(), Scenarios::elasticsearchOutage));
        add(new Scenario("broker-restart", "the Kafka broker stopped and restarted mid-stream",
                Pipeline.Layout.single(), Scenarios::brokerRestart));
        add(new Scenario("scale-out", "two instances each of classify- and report-service on 3 partitions, one of each "
                + "killed mid-way and not restarted", new Pipeline.Layout(2, 2, Pipeline.DEFAULT_JVM_OPTIONS), Scenarios::scaleOut));
    }

    static {
        VERDICT_CHECKS.put("injected-loss", new Scenario("injected-loss",
                "one indexed mail document deleted behind the pipeline's back mid-backfill: the verdict must FAIL",
                Pipeline.Layout.single(), Scenarios::injectLoss));
        VERDICT_CHECKS.put("injected-duplicate", new Scenario("injected-duplicate",
                "one received mail published a second time under its key mid-backfill (Elasticsearch overwrites it, so "
                        + "only the broker shows it): the verdict must FAIL", Pipeline.Layout.single(), Scenarios::injectDuplicate));
    }

    private static void add(Scenario scenario) {
        ALL.put(scenario.name(), scenario);
    }

    private Scenarios() {
    }

    private static void killEachService(Pipeline pipeline, Progress progress) throws Exception {
        progress.published(0.05);
        crashAndRestart(pipeline, Pipeline.INGEST);
        progress.mails(0.5);
        crashAndRestart(pipeline, Pipeline.CLASSIFY);
        progress.topics(0.3);
        crashAndRestart(pipeline, Pipeline.REPORT);
    }

    private static void crashAndRestart(Pipeline pipeline, String instance) throws Exception {
        pipeline.kill(instance);
        log("killed %s with SIGKILL", instance);
        Thread.sleep(2000);
        long start = System.nanoTime();
        pipeline.restart(instance);
        log("%s restarted, ready after %.1f s", instance, (System.nanoTime() - start) / 1e9);
    }

    private static void elasticsearchOutage(Pipeline pipeline, Progress progress) throws Exception {
        progress.mails(0.3);
        log("stopping Elasticsearch for 60 s");
        pipeline.elasticsearch().restart(Duration.ofSeconds(60));
        log("Elasticsearch is back");
    }

    private static void brokerRestart(Pipeline pipeline, Progress progress) throws Exception {
        progress.mails(0.4);
        log("restarting the Kafka broker (10 s down)");
        pipeline.kafka().restart(Duration.ofSeconds(10));
        log("the broker is back");
    }

    private static void scaleOut(Pipeline pipeline, Progress progress) throws Exception {
        progress.mails(0.3);
        logAssignments(pipeline, List.of(Pipeline.CLASSIFY, Pipeline.REPORT));
        String classify = Pipeline.instanceName(Pipeline.CLASSIFY, 2);
        String report = Pipeline.instanceName(Pipeline.REPORT, 2);
        pipeline.kill(classify);
        pipeline.kill(report);
        log("killed %s and %s with SIGKILL; they stay down", classify, report);
        progress.topics(0.5);
        logAssignments(pipeline, List.of(Pipeline.CLASSIFY, Pipeline.REPORT));
    }

    private static void injectLoss(Pipeline pipeline, Progress progress) throws Exception {
        progress.mails(0.3);
        JsonNode hit = pipeline.elasticsearch("POST", "/lore-mails/_search", "{\"size\":1,\"sort\":[\"_doc\"],\"_source\":false}")
                .path("hits").path("hits").path(0);
        String id = hit.path("_id").asText();
        // the stack's Elasticsearch has no reindex module, so no _delete_by_query: delete the one document by id
        pipeline.elasticsearch("DELETE", "/" + hit.path("_index").asText() + "/_doc/"
                + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "?refresh=true", null);
        log("deleted mail document %s from lore-mails", id);
    }

    private static void injectDuplicate(Pipeline pipeline, Progress progress) throws Exception {
        progress.mails(0.3);
        String kafka = pipeline.kafka().bootstrapServers();
        Map<String, Object> consumerProps = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        ConsumerRecord<byte[], byte[]> first = null;
        try (var consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.MAIL_RECEIVED, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            for (int attempt = 0; first == null && attempt < 30; attempt++) {
                var records = consumer.poll(Duration.ofSeconds(1));
                first = records.isEmpty() ? null : records.iterator().next();
            }
        }
        if (first == null) {
            throw new IllegalStateException("no committed record on " + Topics.MAIL_RECEIVED + " partition 0");
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(Topics.MAIL_RECEIVED, 0, first.key(), first.value());
            first.headers().forEach(h -> copy.headers().add(h));
            producer.send(copy).get();
        }
        log("published the record of key %s on %s a second time", new String(first.key(), StandardCharsets.UTF_8),
                Topics.MAIL_RECEIVED);
    }

    /** Which member of each consumer group holds which partitions: the work is shared while both instances run. */
    private static void logAssignments(Pipeline pipeline, List<String> groups) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka().bootstrapServers()))) {
            for (var group : admin.describeConsumerGroups(groups).all().get().values()) {
                StringBuilder line = new StringBuilder(group.groupId() + ": " + group.members().size() + " members");
                for (MemberDescription member : group.members()) {
                    line.append("; ").append(member.clientId().replaceAll("-[0-9a-f]{8}-[0-9a-f-]{27}", ""))
                            .append(" → ").append(member.assignment().topicPartitions().stream()
                                    .map(tp -> tp.topic().replace("lore.", "") + "/" + tp.partition()).sorted().toList());
                }
                log("%s", line);
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + String.format(format, args));
    }
}
