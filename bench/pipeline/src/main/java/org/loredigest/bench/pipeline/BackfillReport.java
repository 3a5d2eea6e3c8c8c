package org.loredigest.bench.pipeline;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.loredigest.events.Topics;

/** Prints {@link BackfillRun}s as Markdown tables, ready to paste into docs/performance.md. */
final class BackfillReport {

    private final PrintStream out;

    BackfillReport(PrintStream out) {
        this.out = out;
    }

    /** Every table of one input. */
    void print(BackfillRun run) {
        throughput(run);
        memory(run);
        cpu(run);
        spent(run.spent(), run);
        writes(run);
        targets(run);
    }

    private void throughput(BackfillRun run) {
        out.printf("%n### %s: %,d messages, %.1f MB%n%n", run.input().name(), run.input().messages(), run.input().bytes() / 1e6);
        table("run", "mails", "seconds", "mails/s", "end to end ÷ run");
        out.printf("| end to end (ingest → classify → report, every mail and topic searchable) | %,d | %.1f | %,.0f | |%n",
                run.mailDocuments(), run.seconds(), run.mailsPerSecond());
        out.printf("| (a) plain `_bulk` of the same %,d documents (mails and topics) | %,d | %.1f | %,.0f | %.2f |%n",
                run.bulk().documents(), run.mailDocuments(), run.bulk().seconds(), run.plainBulkMailsPerSecond(),
                run.mailsPerSecond() / run.plainBulkMailsPerSecond());
        out.printf("| (b) public-inbox-index (-L full) on the same archives | %,d | %.1f | %,.0f | %.2f× |%n",
                run.input().messages(), run.indexSeconds(), run.publicInboxMessagesPerSecond(),
                run.mailsPerSecond() / run.publicInboxMessagesPerSecond());
        out.printf("%ninput %.1f MB/s end to end%n", run.input().bytes() / 1e6 / run.seconds());
    }

    private void memory(BackfillRun run) {
        out.println();
        table("service", "JVM options", "peak RSS (MB)");
        run.peakRssKib().forEach((service, kib) -> out.printf("| %s | %s | %.0f |%n", service,
                run.jvmOptions().getOrDefault(service, ""), BackfillRun.mb(kib)));
    }

    private void cpu(BackfillRun run) {
        out.println();
        table("process", "CPU s", "CPU ms per mail");
        run.cpuSeconds().forEach((process, seconds) -> cpuRow(process, seconds, run.perMailMs(seconds)));
        cpuRow(String.format("**all processes** (%.1f s wall clock, %d cores)", run.seconds(), run.cores()),
                run.allCpuSeconds(), run.perMailMs(run.allCpuSeconds()));
        PlainBulkLoad.Result bulk = run.bulk();
        cpuRow("(a) plain `_bulk`: elasticsearch", bulk.nodeCpuSeconds(), run.perMailMs(bulk.nodeCpuSeconds()));
        cpuRow("(a) plain `_bulk`: its client (the benchmark JVM)", bulk.clientCpuSeconds(), run.perMailMs(bulk.clientCpuSeconds()));
        cpuRow("**(a) plain `_bulk`: node + client**", bulk.nodeCpuSeconds() + bulk.clientCpuSeconds(), run.plainBulkCpuMsPerMail());
        cpuRow(String.format("**(b) public-inbox-index** (per message indexed, %,d)", run.input().messages()), run.indexCpuSeconds(),
                run.publicInboxCpuMsPerMessage());
        out.printf("%nper mail: per mail document searchable at the end (%,d). CPU counts from adding the sources to the end of"
                + " the quiet tail (%d s without a change), which the wall clock leaves out.%n", run.mailDocuments(),
                BackfillBench.QUIET.toSeconds());
    }

    private void spent(BackfillRun.Spent spent, BackfillRun run) {
        if (!spent.threadCpu().isEmpty()) {
            out.println();
            table("process", ThreadCpu.JIT + " (CPU s)", ThreadCpu.GC + " (CPU s)", ThreadCpu.ROCKSDB + " (CPU s)",
                    "the rest (CPU s)", "the rest, ms per mail");
            spent.threadCpu().forEach((process, groups) -> {
                double jit = groups.getOrDefault(ThreadCpu.JIT, 0.0);
                double gc = groups.getOrDefault(ThreadCpu.GC, 0.0);
                double rocksDb = groups.getOrDefault(ThreadCpu.ROCKSDB, 0.0);
                double rest = run.cpuSeconds().getOrDefault(process, 0.0) - jit - gc - rocksDb;
                out.printf("| %s | %.1f | %.1f | %.1f | %.1f | %.2f |%n", process, jit, gc, rocksDb, rest, run.perMailMs(rest));
            });
        }
        if (!spent.nodeWork().isEmpty()) {
            out.printf("%nelasticsearch node: %s%n", spent.nodeWork());
        }
        if (!spent.brokerTopics().isEmpty()) {
            out.println();
            table("topic", "offsets written", "MB held", "bytes held per mail");
            spent.brokerTopics().forEach((topic, w) -> out.printf("| %s | %,d | %.1f | %,.0f |%n", topic, w.offsets(), w.bytes() / 1e6,
                    (double) w.bytes() / run.mailDocuments()));
        }
    }

    private void cpuRow(String process, double seconds, double msPerMail) {
        out.printf("| %s | %s | %s |%n", process, number("%.1f", seconds), number("%.2f", msPerMail));
    }

    private void writes(BackfillRun run) {
        out.println();
        table("written", "count", "final documents", "per final document");
        writeRow("records on `" + Topics.THREAD_CLASSIFIED + "` (read_committed)", run.classifiedRecords(), run.topics(), "topics");
        writeRow("index operations on `" + ReadModelState.TOPICS + "` (primaries)", run.topicIndexOperations(), run.topics(), "topics");
        writeRow("index operations on `" + ReadModelState.MAILS + "` (primaries)", run.mailIndexOperations(), run.mailDocuments(), "mails");
    }

    private void writeRow(String what, long count, long documents, String kind) {
        out.printf("| %s | %,d | %,d %s | %.2f |%n", what, count, documents, kind, (double) count / documents);
    }

    private void targets(BackfillRun run) {
        out.println();
        table("target", "measured", "");
        for (BackfillRun.Target target : run.targets()) {
            out.printf("| %s | %s | %s |%n", target.name(), target.measured(), target.met() ? "met" : "**missed**");
        }
    }

    /** One row per input, after all inputs ran. */
    void summary(List<BackfillRun> runs) {
        out.printf("%n### Summary%n%n");
        table("input", "messages", "mails searchable", "final topics", "seconds", "mails/s", "÷ (a)", "÷ (b)",
                "CPU ms per mail: all processes", "(a) node + client", "(b) public-inbox-index",
                "classified records per topic", "topic index operations per topic", "mail index operations per mail",
                "highest peak RSS (MB)", "targets met");
        for (BackfillRun run : runs) {
            Map.Entry<String, Long> peak = run.highestPeakRss();
            out.printf("| %s | %,d | %,d | %,d | %.1f | %,.0f | %.2f | %.2f× | %.2f | %.2f | %s | %.2f | %.2f | %.2f | %s | %d of %d |%n",
                    run.input().name(), run.input().messages(), run.mailDocuments(), run.topics(), run.seconds(), run.mailsPerSecond(),
                    run.mailsPerSecond() / run.plainBulkMailsPerSecond(), run.mailsPerSecond() / run.publicInboxMessagesPerSecond(),
                    run.perMailMs(run.allCpuSeconds()), run.plainBulkCpuMsPerMail(), number("%.2f", run.publicInboxCpuMsPerMessage()),
                    (double) run.classifiedRecords() / run.topics(), (double) run.topicIndexOperations() / run.topics(),
                    (double) run.mailIndexOperations() / run.mailDocuments(),
                    peak == null ? "" : String.format("%.0f (%s)", BackfillRun.mb(peak.getValue()), peak.getKey()),
                    run.targets().stream().filter(BackfillRun.Target::met).count(), run.targets().size());
        }
    }

    private void table(String... columns) {
        out.println("| " + String.join(" | ", columns) + " |");
        out.println("|" + "---|".repeat(columns.length));
    }

    /** A figure, or {@code n/a} where it could not be measured. */
    private static String number(String format, double value) {
        return Double.isNaN(value) ? "n/a" : String.format(format, value);
    }
}
