package org.loredigest.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.loredigest.bench.pipeline.CorpusReplay;
import org.loredigest.bench.pipeline.Pipeline;
import org.loredigest.bench.pipeline.ReadModelState;
import org.loredigest.testkit.PublicInboxServer;

/**
 * Runs fault scenarios over a backfill of the corpus and judges each by its end state: Elasticsearch must hold
 * exactly what a fault-free run of the same input holds (every mail once, every topic once, same message counts and
 * labels). Each scenario ends with one line {@code VERDICT <scenario>: PASS|FAIL …}; the exit code is 1 if any failed.
 *
 * <p>Arguments: scenario names (see {@link Scenarios#ALL}) or {@code all}. System properties:
 * {@code lore.shared.dir} ({@code ../shared}), {@code reliability.replays} (0: the corpus alone). The fault-free
 * end state is measured first, in the same invocation, on a fresh broker and node like every scenario.
 */
public final class FaultRun {

    private static final Duration QUIET = Duration.ofSeconds(15);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(30);

    private FaultRun() {
    }

    public static void main(String[] args) throws Exception {
        List<Scenarios.Scenario> chosen = new ArrayList<>();
        for (String arg : args.length == 0 ? new String[] {"all"} : args) {
            if (arg.equals("all")) {
                chosen.addAll(Scenarios.ALL.values());
            } else if (Scenarios.ALL.containsKey(arg)) {
                chosen.add(Scenarios.ALL.get(arg));
            } else {
                System.err.println("unknown scenario " + arg + "; known: " + Scenarios.ALL.keySet() + " or all");
                System.exit(2);
            }
        }
        Path root = Path.of("").toAbsolutePath();
        Path shared = Path.of(System.getProperty("lore.shared.dir", "../shared")).toAbsolutePath();
        int replays = Integer.getInteger("reliability.replays", 0);
        Path work = Files.createDirectories(root.resolve("reliability/target/runs"));
        List<CorpusReplay.ListMail> lists = CorpusReplay.of(shared.resolve("corpus"), replays, root.resolve("reliability/target/replays"));

        List<PublicInboxServer> inboxes = new ArrayList<>();
        boolean allPassed = true;
        try {
            for (CorpusReplay.ListMail list : lists) {
                inboxes.add(PublicInboxServer.builder().name(list.list()).address(list.list() + "@reliability.lore.test")
                        .mbox(list.mboxes().toArray(Path[]::new)).start());
            }
            Scenarios.log("input: %,d messages in %d public-inbox archives, corpus + %d replays",
                    lists.stream().mapToLong(CorpusReplay.ListMail::messages).sum(), lists.size(), replays);
            Scenarios.Scenario reference = new Scenarios.Scenario("fault-free", "no fault", Pipeline.Layout.single(), Scenarios.NONE);
            ReadModelState expected = backfill(root, work, shared, inboxes, reference, null);
            Scenarios.log("fault-free end state: %,d mails (%,d distinct Message-IDs), %,d topics, fingerprint %s",
                    expected.mailDocuments(), expected.distinctMessageIds(), expected.topics().size(), expected.fingerprint());
            for (Scenarios.Scenario scenario : chosen) {
                allPassed &= judge(scenario, () -> backfill(root, work, shared, inboxes, scenario, expected), expected);
            }
        } finally {
            inboxes.forEach(PublicInboxServer::close);
        }
        System.exit(allPassed ? 0 : 1);
    }

    @FunctionalInterface
    private interface Run {
        ReadModelState get() throws Exception;
    }

    /**
     * PASS when every mail of the fault-free run is stored exactly once and so is every topic, nothing more.
     * Topics whose message count or labels differ are listed and counted, not failed: two fault-free runs differ
     * in a few such topics as well (see the control scenario and docs/reliability.md).
     */
    private static boolean judge(Scenarios.Scenario scenario, Run run, ReadModelState expected) {
        Scenarios.log("=== %s: %s", scenario.name(), scenario.description());
        long start = System.nanoTime();
        try {
            ReadModelState actual = run.get();
            ReadModelState.Differences differences = actual.differencesFrom(expected);
            differences.documents().stream().limit(20).forEach(d -> Scenarios.log("  document difference: %s", d));
            differences.topicContents().stream().limit(20).forEach(d -> Scenarios.log("  topic content difference: %s", d));
            boolean passed = differences.documents().isEmpty();
            int topics = actual.topics().size();
            System.out.printf("VERDICT %s: %s — %,d mail documents for %,d distinct Message-IDs (fault-free run: %,d), "
                            + "%,d topics (fault-free run: %,d), %d document differences; topic contents identical for "
                            + "%,d of %,d; %.0f s%n", scenario.name(), passed ? "PASS" : "FAIL", actual.mailDocuments(),
                    actual.distinctMessageIds(), expected.mailDocuments(), topics, expected.topics().size(),
                    differences.documents().size(), topics - differences.topicContents().size(), topics,
                    (System.nanoTime() - start) / 1e9);
            return passed;
        } catch (Exception e) {
            e.printStackTrace(System.out);
            System.out.printf("VERDICT %s: FAIL — %s%n", scenario.name(), e);
            return false;
        }
    }

    /** One backfill on a fresh broker and node with the scenario's fault injected alongside; the end state. */
    private static ReadModelState backfill(Path root, Path work, Path shared, List<PublicInboxServer> inboxes,
                                           Scenarios.Scenario scenario, ReadModelState expected) throws Exception {
        try (Pipeline pipeline = Pipeline.start(root, work.resolve(scenario.name()), shared, scenario.layout())) {
            for (PublicInboxServer inbox : inboxes) {
                pipeline.follow(inbox.name(), "dir", inbox.name(), inbox.inboxDir().toString(), Duration.ofSeconds(1));
            }
            CompletableFuture<Void> fault = CompletableFuture.runAsync(() -> {
                try {
                    scenario.fault().inject(pipeline, new Progress(pipeline, expected));
                } catch (Exception e) {
                    throw new IllegalStateException("injecting the fault failed: " + e.getMessage(), e);
                }
            });
            fault.join();
            ReadModelState.awaitSettled(pipeline, QUIET, SETTLE_TIMEOUT);
            for (String instance : pipeline.unexpectedlyDown()) {
                throw new IllegalStateException(instance + " stopped by itself:\n" + pipeline.tail(instance));
            }
            return ReadModelState.read(pipeline);
        }
    }
}
