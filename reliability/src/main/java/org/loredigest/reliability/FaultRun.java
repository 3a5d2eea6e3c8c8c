package org.loredigest.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.loredigest.bench.pipeline.BrokerRecords;
import org.loredigest.bench.pipeline.CorpusReplay;
import org.loredigest.bench.pipeline.Pipeline;
import org.loredigest.bench.pipeline.ReadModelState;
import org.loredigest.events.Topics;
import org.loredigest.testkit.PublicInboxServer;

/**
 * Runs fault scenarios over a backfill of the corpus and judges each by its end state (see {@link Verdict}): every
 * different mail of the source archives indexed exactly once and published exactly once, every topic of a fault-free
 * run present once with the same message count. The fault-free run is judged against the source too. Each scenario ends with one line {@code VERDICT <scenario>: PASS|FAIL …}; the exit code is 1 if any failed.
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
            } else if (Scenarios.VERDICT_CHECKS.containsKey(arg)) {
                chosen.add(Scenarios.VERDICT_CHECKS.get(arg));
            } else {
                System.err.println("unknown scenario " + arg + "; known: " + Scenarios.ALL.keySet() + ", "
                        + Scenarios.VERDICT_CHECKS.keySet() + " or all");
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
            SourceMail source = SourceMail.of(lists.stream().flatMap(l -> l.mboxes().stream()).toList());
            Scenarios.log("source: %,d messages, %,d different mails under %,d Message-IDs", source.messages(),
                    source.expectedDocuments(), source.documentsPerMessageId().size());
            Scenarios.Scenario reference = new Scenarios.Scenario("fault-free", "no fault", Pipeline.Layout.single(), Scenarios.NONE);
            EndState[] faultFree = new EndState[1];
            allPassed &= judge(reference, () -> faultFree[0] = backfill(root, work, shared, inboxes, reference, null), source, null);
            if (faultFree[0] == null) {
                System.exit(1);
            }
            ReadModelState expected = faultFree[0].readModel();
            Scenarios.log("fault-free end state: %,d mails (%,d distinct Message-IDs), %,d topics, fingerprint %s",
                    expected.mailDocuments(), expected.distinctMessageIds(), expected.topics().size(), expected.fingerprint());
            for (Scenarios.Scenario scenario : chosen) {
                allPassed &= judge(scenario, () -> backfill(root, work, shared, inboxes, scenario, expected), source, expected);
            }
        } finally {
            inboxes.forEach(PublicInboxServer::close);
        }
        System.exit(allPassed ? 0 : 1);
    }

    /** A run's end state: the read model and the committed mail records on the broker. */
    record EndState(ReadModelState readModel, Verdict.BrokerCounts broker) {
    }

    @FunctionalInterface
    private interface Run {
        EndState get() throws Exception;
    }

    /** Prints the scenario's VERDICT line and what failed; true when it passed. */
    private static boolean judge(Scenarios.Scenario scenario, Run run, SourceMail source, ReadModelState faultFree) {
        Scenarios.log("=== %s: %s", scenario.name(), scenario.description());
        long start = System.nanoTime();
        try {
            EndState end = run.get();
            ReadModelState actual = end.readModel();
            Verdict verdict = Verdict.judge(source, end.broker(), actual, faultFree);
            verdict.failures().stream().limit(20).forEach(d -> Scenarios.log("  failure: %s", d));
            verdict.labelDifferences().stream().limit(20).forEach(d -> Scenarios.log("  label difference: %s", d));
            System.out.printf("VERDICT %s: %s — %,d mail documents for %,d distinct Message-IDs (source: %,d different mails "
                            + "in %,d messages); lore.mail.received %,d committed records for %,d keys, lore.mail.parsed "
                            + "%,d for %,d keys; %,d topics (fault-free run: %s); %d failures, %d topics with other labels; %.0f s%n",
                    scenario.name(), verdict.passed() ? "PASS" : "FAIL", actual.mailDocuments(), actual.distinctMessageIds(),
                    source.expectedDocuments(), source.messages(), sum(end.broker().received()), end.broker().received().size(),
                    sum(end.broker().parsed()), end.broker().parsed().size(), actual.topics().size(),
                    faultFree == null ? "this one" : String.format("%,d", faultFree.topics().size()),
                    verdict.failures().size(), verdict.labelDifferences().size(), (System.nanoTime() - start) / 1e9);
            return verdict.passed();
        } catch (Exception e) {
            e.printStackTrace(System.out);
            System.out.printf("VERDICT %s: FAIL — %s%n", scenario.name(), e);
            return false;
        }
    }

    private static long sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** One backfill on a fresh broker and node with the scenario's fault injected alongside; the end state. */
    private static EndState backfill(Path root, Path work, Path shared, List<PublicInboxServer> inboxes,
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
            String kafka = pipeline.kafka().bootstrapServers();
            return new EndState(ReadModelState.read(pipeline), new Verdict.BrokerCounts(
                    BrokerRecords.perKey(kafka, Topics.MAIL_RECEIVED), BrokerRecords.perKey(kafka, Topics.MAIL_PARSED)));
        }
    }
}
