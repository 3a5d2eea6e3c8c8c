package org.loredigest.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Wall-clock latencies of repeated calls, after a warm-up, as percentiles in milliseconds. */
record Latencies(String name, double[] millis) {

    /**
     * Times every call {@code rounds} times, one at a time, taking the calls in turn (round robin) so that warm-up,
     * garbage collection and other load on the machine fall on all of them alike.
     */
    static List<Latencies> interleaved(LinkedHashMap<String, Callable<?>> calls, int warmup, int rounds) throws Exception {
        for (int i = 0; i < warmup; i++) {
            for (Callable<?> call : calls.values()) {
                call.call();
            }
        }
        Map<String, double[]> millis = new LinkedHashMap<>();
        calls.keySet().forEach(name -> millis.put(name, new double[rounds]));
        for (int i = 0; i < rounds; i++) {
            for (var call : calls.entrySet()) {
                long start = System.nanoTime();
                call.getValue().call();
                millis.get(call.getKey())[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        List<Latencies> out = new ArrayList<>();
        millis.forEach((name, values) -> {
            Arrays.sort(values);
            out.add(new Latencies(name, values));
        });
        return out;
    }

    /** Nearest-rank percentile. */
    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * millis.length);
        return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
    }

    String row(Latencies baseline) {
        return String.format(Locale.ROOT, "| %-34s | %8.1f | %8.1f | %8.1f | %6.1f |", name, percentile(50),
                percentile(95), percentile(99), percentile(50) / baseline.percentile(50));
    }
}
