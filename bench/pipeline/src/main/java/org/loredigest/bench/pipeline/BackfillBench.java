package org.loredigest.bench.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loredigest.events.Topics;
import org.loredigest.testkit.PublicInboxServer;

/**
 * Backfill throughput end to end, with two baselines from the same run, for one or more inputs in sequence.
 *
 * <ol>
 *   <li>Each list of the corpus (plus the input's rewritten copies) becomes a public-inbox v2 archive;
 *       {@code public-inbox-index} is timed on it, its CPU time measured: baseline (b).</li>
 *   <li>ingest-service follows the archives' directories; the clock runs from adding the sources until
 *       Elasticsearch holds every mail and every topic and nothing changes any more (the quiet tail is not
 *       counted). The CPU time of every process is taken over the same span.</li>
 *   <li>How often the final topics and mails were written on their way: committed records on
 *       {@link Topics#THREAD_CLASSIFIED}, index operations on the topics and the mails index.</li>
 *   <li>The stored documents are loaded again into fresh indices by a plain {@code _bulk} client: baseline (a).</li>
 * </ol>
 *
 * <p>System properties: {@code lore.shared.dir} ({@code ../shared}), {@code bench.replays} (0; a comma list such as
 * {@code 0,9} measures each input in turn, each on a fresh broker, node and work dir, and ends with a summary),
 * {@code bench.jvm} (JVM options of every service, space separated; default {@link Pipeline#DEFAULT_JVM_OPTIONS}),
 * {@code bench.topics-dir} (writes every topic with its count and labels there, to compare two runs),
 * {@code bench.classify-jvm} and {@code bench.ingest-jvm} (options added for that service after those),
 * {@code lore.testkit.kafka.jvm-options}
 * and {@code lore.testkit.elasticsearch.jvm-options} (the broker's and the node's).
 */
public final class BackfillBench {

    /** {@code bench.baseline-b=false} leaves out (b), public-inbox-index: for runs that look at the pipeline only. */
    static final boolean BASELINE_B = Boolean.parseBoolean(System.getProperty("bench.baseline-b", "true"));

    /**
     * How long nothing may change before the backfill counts as done: longer than classify-service's longest deferral
     * in a backlog ({@code lore.classify.flush.max-deferral}, 60 s), whose last publication can follow the last mail
     * by that long once classify-service keeps up with ingest; with 15 s a run could end before its final topics.
     */
    static final Duration QUIET = Duration.ofSeconds(75);
    private static final Duration TIMELINE_WINDOW = Duration.ofSeconds(10);

    private BackfillBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path shared = Path.of(System.getProperty("lore.shared.dir", "../shared")).toAbsolutePath();
        List<Integer> inputs = replays(System.getProperty("bench.replays", "0"));
        List<String> jvm = Arrays.asList(System.getProperty("bench.jvm", String.join(" ", Pipeline.DEFAULT_JVM_OPTIONS)).split(" "));
        BackfillReport report = new BackfillReport(System.out);
        List<BackfillRun> runs = new ArrayList<>();
        try {
            for (int replays : inputs) {
                BackfillRun run = measure(root, shared, jvm, replays);
                report.print(run);
                runs.add(run);
            }
        } finally {
            if (inputs.size() > 1 && !runs.isEmpty()) {
                report.summary(runs);
            }
        }
    }

    /** {@code "0,9"} → [0, 9]: the replay counts to measure, in order. */
    static List<Integer> replays(String property) {
        List<Integer> replays = new ArrayList<>();
        for (String part : property.split(",")) {
            int n = Integer.parseInt(part.strip());
            if (n < 0) {
                throw new IllegalArgumentException("bench.replays: negative replay count " + n);
            }
            replays.add(n);
        }
        return replays;
    }

    private static BackfillRun measure(Path root, Path shared, List<String> jvm, int replays) throws Exception {
        List<CorpusReplay.ListMail> lists = CorpusReplay.of(shared.resolve("corpus"), replays, root.resolve("bench/pipeline/target/replays"));
        long messages = lists.stream().mapToLong(CorpusReplay.ListMail::messages).sum();
        long bytes = lists.stream().mapToLong(CorpusReplay.ListMail::bytes).sum();
        System.out.printf("%ninput: %,d messages, %.1f MB, lists %s, corpus + %d replays%n", messages, bytes / 1e6,
                lists.stream().map(l -> l.list() + " " + l.messages()).toList(), replays);

        List<PublicInboxServer> inboxes = new ArrayList<>();
        try {
            PublicInboxIndex publicInbox = BASELINE_B ? new PublicInboxIndex(0, 0) : new PublicInboxIndex(Double.NaN, Double.NaN);
            for (CorpusReplay.ListMail list : lists) {
                PublicInboxServer.Builder builder = PublicInboxServer.builder().name(list.list()).address(list.list() + "@bench.lore.test")
                        .mbox(list.mboxes().toArray(Path[]::new));
                PublicInboxServer inbox = (BASELINE_B ? builder : builder.withoutIndex()).start();
                inboxes.add(inbox);
                publicInbox = publicInbox.plus(inbox);
            }
            System.out.printf("public-inbox-index: %,d messages in %.1f s, %.1f CPU s%n", messages, publicInbox.seconds(),
                    publicInbox.cpuSeconds());
            return run(root.resolve("bench/pipeline/target/backfill-" + replays), root, shared, jvm, inboxes,
                    new BackfillRun.Input(replays, messages, bytes), publicInbox);
        } finally {
            inboxes.forEach(PublicInboxServer::close);
        }
    }

    /** Seconds and CPU seconds of public-inbox-index over the archives; CPU NaN if any could not be measured. */
    private record PublicInboxIndex(double seconds, double cpuSeconds) {
        PublicInboxIndex plus(PublicInboxServer inbox) {
            return new PublicInboxIndex(seconds + inbox.indexTime().toNanos() / 1e9,
                    cpuSeconds + inbox.indexCpuTime().map(d -> d.toNanos() / 1e9).orElse(Double.NaN));
        }
    }

    private static BackfillRun run(Path work, Path root, Path shared, List<String> jvm, List<PublicInboxServer> inboxes,
                                   BackfillRun.Input input, PublicInboxIndex publicInbox) throws Exception {
        try (Pipeline pipeline = Pipeline.start(root, work, shared, new Pipeline.Layout(1, 1, jvm))) {
            CpuTimeline timeline = new CpuTimeline(pipeline.instanceNames(), TIMELINE_WINDOW);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    pipeline.sampleMemory();
                    timeline.sample();
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            var cpuBefore = CpuAccount.snapshot(pipeline.instanceNames());
            var threadsBefore = ThreadCpu.snapshot(pipeline.instanceNames());
            var nodeBefore = NodeWork.snapshot(pipeline);
            long start = System.nanoTime();
            for (PublicInboxServer inbox : inboxes) {
                pipeline.follow(inbox.name(), "dir", inbox.name(), inbox.inboxDir().toString(), Duration.ofSeconds(1));
            }
            long done = ReadModelState.awaitSettled(pipeline, QUIET, Duration.ofHours(2));
            sampler.interrupt();
            sampler.join(5_000); // its last samples are read below
            var cpu = CpuAccount.between(cpuBefore, CpuAccount.snapshot(pipeline.instanceNames()));
            var spent = new BackfillRun.Spent(ThreadCpu.between(threadsBefore, ThreadCpu.snapshot(pipeline.instanceNames())),
                    NodeWork.between(nodeBefore, NodeWork.snapshot(pipeline)), BrokerTopics.read(pipeline.kafka().bootstrapServers()));
            double seconds = (done - start) / 1e9;
            ReadModelState state = ReadModelState.read(pipeline);
            System.out.printf("pipeline: %,d mails and %,d topics searchable after %.1f s%n", state.mailDocuments(),
                    state.topics().size(), seconds);
            System.out.printf("end state fingerprint (mail ids / topics with counts and labels): %s%n", state.fingerprint());
            System.out.printf("%nCPU by process over the run (share of one core; two cores make 200):%n");
            timeline.print(System.out, done);
            String topicsDir = System.getProperty("bench.topics-dir");
            if (topicsDir != null) { // one line per topic, for a diff between two runs whose fingerprints differ
                Path file = Path.of(topicsDir).resolve("topics-" + input.replays() + "-replays.txt");
                Files.createDirectories(file.getParent());
                Files.write(file, state.topics().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
                System.out.printf("topics written to %s%n", file);
            }
            long topicWrites = ReadModelState.indexOperations(pipeline, ReadModelState.TOPICS);
            long mailWrites = ReadModelState.indexOperations(pipeline, ReadModelState.MAILS);
            long classified = BrokerRecords.count(pipeline.kafka().bootstrapServers(), Topics.THREAD_CLASSIFIED);
            PlainBulkLoad.Result bulk = PlainBulkLoad.run(pipeline);

            Map<String, String> options = new LinkedHashMap<>();
            pipeline.instanceNames().forEach(i -> options.put(i, String.join(" ", pipeline.jvmOptions(i))));
            return new BackfillRun(input, seconds, state.mailDocuments(), state.topics().size(), cpu,
                    Runtime.getRuntime().availableProcessors(), pipeline.peakRssKib(), options, bulk,
                    publicInbox.seconds(), publicInbox.cpuSeconds(), classified, topicWrites, mailWrites, spent);
        }
    }
}
