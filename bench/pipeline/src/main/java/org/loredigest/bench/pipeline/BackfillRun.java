package org.loredigest.bench.pipeline;

import java.util.List;
import java.util.Map;

/**
 * What one backfill input measured: the end-to-end run, its two baselines, CPU and memory per process, and how
 * often the final topics and mails were written on their way.
 *
 * @param input                what was backfilled
 * @param seconds              adding the sources → the last change in Elasticsearch
 * @param mailDocuments        mail documents searchable at the end: "mails" in every per-mail figure
 * @param topics               topic documents searchable at the end: the final topics
 * @param cpuSeconds           process (service instance, broker, node, public-inbox) → CPU seconds during the backfill
 * @param cores                processors of the machine
 * @param peakRssKib           service instance → peak RSS over the run
 * @param jvmOptions           service instance → its JVM options, space separated
 * @param bulk                 baseline (a)
 * @param indexSeconds         baseline (b): public-inbox-index over all archives
 * @param indexCpuSeconds      CPU seconds public-inbox-index used, NaN where they could not be measured
 * @param classifiedRecords    committed records on {@code lore.thread.classified.v1}
 * @param topicIndexOperations index operations on the primaries of the topics index
 * @param mailIndexOperations  index operations on the primaries of the mails index
 * @param spent                where the CPU went inside the processes
 */
record BackfillRun(Input input, double seconds, long mailDocuments, long topics, Map<String, Double> cpuSeconds, int cores,
                   Map<String, Long> peakRssKib, Map<String, String> jvmOptions, PlainBulkLoad.Result bulk,
                   double indexSeconds, double indexCpuSeconds, long classifiedRecords, long topicIndexOperations,
                   long mailIndexOperations, Spent spent) {

    /**
     * Where the CPU went inside the processes during the backfill.
     *
     * @param threadCpu    component → {@link ThreadCpu} group → CPU seconds
     * @param nodeWork     {@link NodeWork} figure → its change over the backfill
     * @param brokerTopics topic → what the broker holds at the end
     */
    record Spent(Map<String, Map<String, Double>> threadCpu, Map<String, Long> nodeWork, Map<String, BrokerTopics.Written> brokerTopics) {
        static final Spent NONE = new Spent(Map.of(), Map.of(), Map.of());
    }

    static final double TARGET_MAILS_PER_SECOND = 1000;
    static final double TARGET_TIMES_PUBLIC_INBOX = 5;
    static final double TARGET_CPU_MS_PER_MAIL = 2;
    static final double TARGET_PEAK_RSS_MB = 300;

    /** A target, what was measured against it, and whether it was met. */
    record Target(String name, String measured, boolean met) {
    }

    /**
     * The archives backfilled.
     *
     * @param replays  rewritten copies on top of the corpus (0: the corpus alone)
     * @param messages messages in the archives (what public-inbox-index indexed)
     * @param bytes    their size
     */
    record Input(int replays, long messages, long bytes) {

        /** {@code corpus} or {@code 10× (corpus + 9 rewritten copies)}. */
        String name() {
            return replays == 0 ? "corpus" : (replays + 1) + "× (corpus + " + replays + " rewritten copies)";
        }
    }

    double mailsPerSecond() {
        return mailDocuments / seconds;
    }

    /** Baseline (a): the same mails per second of the plain bulk load. */
    double plainBulkMailsPerSecond() {
        return mailDocuments / bulk.seconds();
    }

    /** Baseline (b): messages per second of public-inbox-index. */
    double publicInboxMessagesPerSecond() {
        return input.messages() / indexSeconds;
    }

    double allCpuSeconds() {
        return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** CPU milliseconds per searchable mail. */
    double perMailMs(double cpuSeconds) {
        return cpuSeconds * 1000 / mailDocuments;
    }

    /** (a)'s node and client CPU milliseconds per mail. */
    double plainBulkCpuMsPerMail() {
        return perMailMs(bulk.nodeCpuSeconds() + bulk.clientCpuSeconds());
    }

    /** (b)'s CPU milliseconds per message it indexed; NaN if not measured. */
    double publicInboxCpuMsPerMessage() {
        return indexCpuSeconds * 1000 / input.messages();
    }

    /** The service instance with the highest peak RSS, or null without any. */
    Map.Entry<String, Long> highestPeakRss() {
        return peakRssKib.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
    }

    static double mb(long kib) {
        return kib / 1024.0;
    }

    List<Target> targets() {
        Map.Entry<String, Long> peak = highestPeakRss();
        double peakMb = peak == null ? Double.NaN : mb(peak.getValue());
        double timesPublicInbox = mailsPerSecond() / publicInboxMessagesPerSecond();
        return List.of(
                new Target(String.format("end to end ≥ %,.0f mails/s", TARGET_MAILS_PER_SECOND),
                        String.format("%,.0f mails/s", mailsPerSecond()), mailsPerSecond() >= TARGET_MAILS_PER_SECOND),
                new Target(String.format("end to end ≥ %.0f× (b)", TARGET_TIMES_PUBLIC_INBOX),
                        String.format("%.2f×", timesPublicInbox), timesPublicInbox >= TARGET_TIMES_PUBLIC_INBOX),
                new Target(String.format("CPU of all processes ≤ %.0f ms per mail", TARGET_CPU_MS_PER_MAIL),
                        String.format("%.2f ms", perMailMs(allCpuSeconds())), perMailMs(allCpuSeconds()) <= TARGET_CPU_MS_PER_MAIL),
                new Target(String.format("peak RSS ≤ %.0f MB per service", TARGET_PEAK_RSS_MB),
                        peak == null ? "no service sampled" : String.format("%.0f MB (%s)", peakMb, peak.getKey()),
                        peakMb <= TARGET_PEAK_RSS_MB));
    }
}
