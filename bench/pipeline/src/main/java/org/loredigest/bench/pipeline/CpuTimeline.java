package org.loredigest.bench.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * CPU of each process over the run, in windows of a few seconds: shows where the wall clock goes when the cores are not
 * both busy (one process the only one working, the others waiting on it). Fed from the run's sampler thread.
 */
final class CpuTimeline {

    private final List<String> instances;
    private final long windowNanos;
    private final long start = System.nanoTime();
    private final List<Long> times = new ArrayList<>();
    private final List<Map<String, Duration>> snapshots = new ArrayList<>();

    CpuTimeline(List<String> instances, Duration window) {
        this.instances = instances;
        this.windowNanos = window.toNanos();
        take(start);
    }

    /** Takes a snapshot when a window has passed since the last one. */
    void sample() {
        long now = System.nanoTime();
        if (now - times.getLast() >= windowNanos) {
            take(now);
        }
    }

    private void take(long now) {
        times.add(now);
        snapshots.add(CpuAccount.snapshot(instances));
    }

    /** One row per window up to {@code endNanos}: per process the share of one core it used, and all of them. */
    void print(PrintStream out, long endNanos) {
        TreeSet<String> names = new TreeSet<>();
        snapshots.forEach(s -> names.addAll(s.keySet()));
        names.remove("other");
        out.println();
        out.println("| from s | to s | " + String.join(" | ", names) + " | all (% of one core) |");
        out.println("|---|---|" + "---|".repeat(names.size() + 1));
        for (int i = 1; i < times.size() && times.get(i - 1) < endNanos; i++) {
            double seconds = (times.get(i) - times.get(i - 1)) / 1e9;
            Map<String, Double> used = CpuAccount.between(snapshots.get(i - 1), snapshots.get(i));
            StringBuilder row = new StringBuilder(String.format("| %.0f | %.0f |", (times.get(i - 1) - start) / 1e9,
                    (times.get(i) - start) / 1e9));
            double all = 0;
            for (String name : names) {
                double share = used.getOrDefault(name, 0.0) / seconds * 100;
                all += share;
                row.append(String.format(" %.0f |", share));
            }
            out.println(row.append(String.format(" %.0f |", all)));
        }
    }
}
