package org.loredigest.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of the JVMs' JIT compiler and garbage collector threads and of RocksDB's threads, per component
 * ({@link CpuAccount}'s names), read from {@code /proc/<pid>/task/<tid>/stat}: how much of a process's CPU went to
 * compiling, collecting and writing state stores rather than to its work. Threads that ended before a snapshot are not
 * counted; compiler threads usually live as long as the JVM.
 */
final class ThreadCpu {

    static final String JIT = "JIT compiler threads";
    static final String GC = "GC and VM threads";
    /** RocksDB's flush and compaction threads (classify-service's state stores): work a Java profile does not show. */
    static final String ROCKSDB = "RocksDB threads";
    /** USER_HZ: the unit of utime and stime; 100 on Linux for x86 and arm64. */
    private static final double TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    /** Component → {@link #JIT} / {@link #GC} → CPU seconds so far. */
    static Map<String, Map<String, Double>> snapshot(List<String> instances) {
        Map<String, Map<String, Double>> cpu = new TreeMap<>();
        ProcessHandle.current().descendants().forEach(p -> {
            String component = CpuAccount.component(p.info().commandLine().orElse(""), instances);
            try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(p.pid()), "task"))) {
                tasks.forEach(task -> {
                    String group = null;
                    double seconds = 0;
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        group = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? JIT
                                : name.startsWith("GC Thread") || name.startsWith("VM Thread") || name.startsWith("G1 ") ? GC
                                : name.startsWith("rocksdb:") ? ROCKSDB : null;
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // fields after the name start at stat(5) "state": utime is field 14, stime 15 → indices 11, 12
                        seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    } catch (IOException | RuntimeException threadEnded) {
                        return;
                    }
                    if (group != null) {
                        cpu.computeIfAbsent(component, c -> new TreeMap<>()).merge(group, seconds, Double::sum);
                    }
                });
            } catch (IOException processEnded) {
                // nothing to count
            }
        });
        return cpu;
    }

    /** Seconds per component and group between two snapshots. */
    static Map<String, Map<String, Double>> between(Map<String, Map<String, Double>> before, Map<String, Map<String, Double>> after) {
        Map<String, Map<String, Double>> delta = new TreeMap<>();
        after.forEach((component, groups) -> groups.forEach((group, seconds) -> delta.computeIfAbsent(component, c -> new TreeMap<>())
                .put(group, seconds - before.getOrDefault(component, Map.of()).getOrDefault(group, 0.0))));
        return delta;
    }
}
