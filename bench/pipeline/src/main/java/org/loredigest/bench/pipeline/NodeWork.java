package org.loredigest.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Elasticsearch node did, from its node stats: time spent indexing, refreshing, merging, flushing and
 * searching, and how many bulk requests and refreshes it served. Time is the node's own accounting (summed over
 * threads), which says where its CPU went; counts say how the work came in.
 */
final class NodeWork {

    /** Name → path under {@code nodes.<id>.indices} of the local node's stats. */
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("bulk requests", "bulk/total_operations");
        FIGURES.put("bulk time ms", "bulk/total_time_in_millis");
        FIGURES.put("index operations", "indexing/index_total");
        FIGURES.put("indexing time ms", "indexing/index_time_in_millis");
        FIGURES.put("refreshes", "refresh/total");
        FIGURES.put("refresh time ms", "refresh/total_time_in_millis");
        FIGURES.put("merges", "merges/total");
        FIGURES.put("merge time ms", "merges/total_time_in_millis");
        FIGURES.put("flush time ms", "flush/total_time_in_millis");
        FIGURES.put("searches", "search/query_total");
        FIGURES.put("search time ms", "search/query_time_in_millis");
    }

    private NodeWork() {
    }

    /** Figure name → value so far; empty if the node could not be read. */
    static Map<String, Long> snapshot(Pipeline pipeline) {
        Map<String, Long> figures = new LinkedHashMap<>();
        try {
            JsonNode nodes = pipeline.elasticsearch("GET", "/_nodes/_local/stats/indices", null).path("nodes");
            JsonNode indices = nodes.elements().next().path("indices");
            FIGURES.forEach((name, path) -> {
                JsonNode value = indices;
                for (String part : path.split("/")) {
                    value = value.path(part);
                }
                figures.put(name, value.asLong());
            });
        } catch (Exception notReadable) {
            System.out.println("node stats not readable: " + notReadable.getMessage());
        }
        return figures;
    }

    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((name, value) -> delta.put(name, value - before.getOrDefault(name, 0L)));
        return delta;
    }
}
