package org.loredigest.bench.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this process's descendants, grouped by what they are (each service instance, the broker, the node,
 * public-inbox), so a run can say where its CPU seconds went.
 */
final class CpuAccount {

    private CpuAccount() {
    }

    /** Component → CPU time so far. */
    static Map<String, Duration> snapshot(List<String> instances) {
        Map<String, Duration> cpu = new TreeMap<>();
        ProcessHandle.current().descendants().forEach(p -> {
            String command = p.info().commandLine().orElse("");
            String component = component(command, instances);
            p.info().totalCpuDuration().ifPresent(d -> cpu.merge(component, d, Duration::plus));
        });
        return cpu;
    }

    /** Seconds per component between two snapshots. */
    static Map<String, Double> between(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Double> seconds = new TreeMap<>();
        after.forEach((k, v) -> seconds.put(k, v.minus(before.getOrDefault(k, Duration.ZERO)).toMillis() / 1e3));
        return seconds;
    }

    static String component(String command, List<String> instances) {
        if (command.contains("quarkus-run.jar")) {
            // the log file names the instance: -Dquarkus.http.port… are shared, the state dir is per instance
            return instances.stream().filter(i -> command.contains("state-" + i + " ")).findFirst().orElse("service");
        }
        if (command.contains("kafka.Kafka")) {
            return "kafka broker";
        }
        if (command.contains("elasticsearch")) {
            return "elasticsearch";
        }
        if (command.contains("public-inbox")) {
            return "public-inbox";
        }
        return "other";
    }
}
