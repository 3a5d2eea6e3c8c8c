package org.loredigest.bench.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.loredigest.testkit.PublicInboxServer;

/**
 * Backfill throughput end to end, with two baselines from the same run.
 *
 * <ol>
 *   <li>Each list of the corpus (plus {@code bench.replays} rewritten copies) becomes a public-inbox v2 archive;
 *       {@code public-inbox-index} is timed on it: baseline (b).</li>
 *   <li>ingest-service follows the archives' directories; the clock runs from adding the sources until
 *       Elasticsearch holds every mail and every topic and nothing changes any more (the quiet tail is not
 *       counted).</li>
 *   <li>The stored documents are loaded again into fresh indices by a plain {@code _bulk} client: baseline (a).</li>
 * </ol>
 *
 * <p>System properties: {@code lore.shared.dir} ({@code ../shared}), {@code bench.replays} (0),
 * {@code bench.jvm} (JVM options of every service, space separated; default {@link Pipeline#DEFAULT_JVM_OPTIONS}).
 */
public final class BackfillBench {

    private BackfillBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path shared = Path.of(System.getProperty("lore.shared.dir", "../shared")).toAbsolutePath();
        int replays = Integer.getInteger("bench.replays", 0);
        List<String> jvm = Arrays.asList(System.getProperty("bench.jvm", String.join(" ", Pipeline.DEFAULT_JVM_OPTIONS)).split(" "));
        Path work = root.resolve("bench/pipeline/target/backfill-" + replays);

        List<CorpusReplay.ListMail> lists = CorpusReplay.of(shared.resolve("corpus"), replays, root.resolve("bench/pipeline/target/replays"));
        long messages = lists.stream().mapToLong(CorpusReplay.ListMail::messages).sum();
        long bytes = lists.stream().mapToLong(CorpusReplay.ListMail::bytes).sum();
        System.out.printf("input: %,d messages, %.1f MB, lists %s, corpus + %d replays%n", messages, bytes / 1e6,
                lists.stream().map(l -> l.list() + " " + l.messages()).toList(), replays);

        List<PublicInboxServer> inboxes = new ArrayList<>();
        try {
            double indexSeconds = 0;
            for (CorpusReplay.ListMail list : lists) {
                PublicInboxServer inbox = PublicInboxServer.builder().name(list.list()).address(list.list() + "@bench.lore.test")
                        .mbox(list.mboxes().toArray(Path[]::new)).start();
                inboxes.add(inbox);
                indexSeconds += inbox.indexTime().toNanos() / 1e9;
            }
            System.out.printf("public-inbox-index: %,d messages in %.1f s%n", messages, indexSeconds);
            run(root, work, shared, jvm, inboxes, messages, bytes, indexSeconds);
        } finally {
            inboxes.forEach(PublicInboxServer::close);
        }
    }

    private static void run(Path root, Path work, Path shared, List<String> jvm, List<PublicInboxServer> inboxes,
                            long messages, long bytes, double indexSeconds) throws Exception {
        try (Pipeline pipeline = Pipeline.start(root, work, shared, new Pipeline.Layout(1, 1, jvm))) {
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    pipeline.sampleMemory();
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            var cpuBefore = CpuAccount.snapshot(pipeline.instanceNames());
            long start = System.nanoTime();
            for (PublicInboxServer inbox : inboxes) {
                pipeline.follow(inbox.name(), "dir", inbox.name(), inbox.inboxDir().toString(), Duration.ofSeconds(1));
            }
            long done = ReadModelState.awaitSettled(pipeline, Duration.ofSeconds(15), Duration.ofHours(2));
            sampler.interrupt();
            var cpu = CpuAccount.between(cpuBefore, CpuAccount.snapshot(pipeline.instanceNames()));
            double seconds = (done - start) / 1e9;
            ReadModelState state = ReadModelState.read(pipeline);
            System.out.printf("pipeline: %,d mails and %,d topics searchable after %.1f s%n", state.mailDocuments(),
                    state.topics().size(), seconds);
            PlainBulkLoad.Result bulk = PlainBulkLoad.run(pipeline);

            double endToEnd = state.mailDocuments() / seconds;
            double plainBulk = state.mailDocuments() / bulk.seconds();
            double publicInbox = messages / indexSeconds;
            System.out.println();
            System.out.println("| run | messages | seconds | messages/s |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| end to end (ingest → classify → report, every topic searchable) | %,d | %.1f | %,.0f |%n",
                    state.mailDocuments(), seconds, endToEnd);
            System.out.printf("| (a) plain `_bulk` of the same %,d documents (mails and topics) | %,d | %.1f | %,.0f |%n",
                    bulk.documents(), state.mailDocuments(), bulk.seconds(), plainBulk);
            System.out.printf("| (b) public-inbox-index (-L full) on the same messages | %,d | %.1f | %,.0f |%n",
                    messages, indexSeconds, publicInbox);
            System.out.printf("%nend to end / (a): %.2f (target >= 0.70)   end to end / (b): %.1fx (target >= 10x)   "
                    + "input %.1f MB/s%n", endToEnd / plainBulk, endToEnd / publicInbox, bytes / 1e6 / seconds);
            System.out.println();
            System.out.println("| service | JVM options | peak RSS (MB) |");
            System.out.println("|---|---|---|");
            for (Map.Entry<String, Long> peak : pipeline.peakRssKib().entrySet()) {
                System.out.printf("| %s | %s | %.0f |%n", peak.getKey(), String.join(" ", pipeline.jvmOptions(peak.getKey())),
                        peak.getValue() / 1024.0);
            }
            System.out.println();
            System.out.println("| process | CPU seconds during the backfill |");
            System.out.println("|---|---|");
            cpu.forEach((component, cpuSeconds) -> System.out.printf("| %s | %.1f |%n", component, cpuSeconds));
            System.out.printf("| all (%.1f s wall clock, %d cores) | %.1f |%n", seconds, Runtime.getRuntime().availableProcessors(),
                    cpu.values().stream().mapToDouble(Double::doubleValue).sum());
            // what (a) itself costs: the floor any pipeline pays to make the same documents searchable
            System.out.printf("%n(a) used %.1f CPU s of elasticsearch and %.1f CPU s of its client (this JVM) in %.1f s%n",
                    bulk.nodeCpuSeconds(), bulk.clientCpuSeconds(), bulk.seconds());
        }
    }
}
