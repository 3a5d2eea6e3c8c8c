package org.loredigest.bench.ingest;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used so far by this JVM and by its child processes (the broker started by the test kit). On a machine
 * shared with other work, wall-clock rates move with the load; the CPU a round costs moves much less, so the bench
 * prints both. Children are read from {@code /proc}; where there is none (or the broker is a container) they count 0.
 */
record CpuTime(double jvm, double children) {

    /** Linux reports process times in clock ticks of 1/100 s on every common architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    static CpuTime now() {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double children = ProcessHandle.current().descendants().mapToDouble(CpuTime::secondsOf).sum();
        return new CpuTime(os.getProcessCpuTime() / 1e9, children);
    }

    CpuTime since(CpuTime start) {
        return new CpuTime(jvm - start.jvm, children - start.children);
    }

    double total() {
        return jvm + children;
    }

    /** {@code loadavg} of the machine now (1, 5 and 15 minutes), or "n/a". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static double secondsOf(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
