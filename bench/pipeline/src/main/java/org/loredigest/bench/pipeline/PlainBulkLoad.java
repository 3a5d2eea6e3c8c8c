package org.loredigest.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline (a) of the backfill benchmark: the documents the pipeline wrote (every mail and every topic, as stored),
 * loaded again into fresh indices with the same mappings by a plain HTTP client sending {@code _bulk} requests of
 * 1,000 documents one after the other, then refreshed. Nothing is parsed, threaded or classified: this is what the
 * node alone can take.
 */
final class PlainBulkLoad {

    private static final int BATCH = 1000;

    /** Documents loaded, the seconds it took and the CPU seconds of the node and of this client meanwhile. */
    record Result(long documents, double seconds, double nodeCpuSeconds, double clientCpuSeconds) {
    }

    private PlainBulkLoad() {
    }

    static Result run(Pipeline pipeline) throws Exception {
        List<String> mails = export(pipeline, ReadModelState.MAILS);
        List<String> topics = export(pipeline, ReadModelState.TOPICS);
        createLike(pipeline, ReadModelState.MAILS, "bench-bulk-mails");
        createLike(pipeline, ReadModelState.TOPICS, "bench-bulk-topics");
        var cpuBefore = CpuAccount.snapshot(pipeline.instanceNames());
        Duration clientBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        long start = System.nanoTime();
        load(pipeline, "bench-bulk-mails", mails);
        load(pipeline, "bench-bulk-topics", topics);
        pipeline.elasticsearch("POST", "/bench-bulk-mails,bench-bulk-topics/_refresh", null);
        double seconds = (System.nanoTime() - start) / 1e9;
        double client = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).minus(clientBefore).toNanos() / 1e9;
        double node = CpuAccount.between(cpuBefore, CpuAccount.snapshot(pipeline.instanceNames())).getOrDefault("elasticsearch", 0.0);
        long count = pipeline.elasticsearch("GET", "/bench-bulk-mails,bench-bulk-topics/_count", null).path("count").asLong();
        if (count != mails.size() + topics.size()) {
            throw new IllegalStateException("plain bulk load stored " + count + " of " + (mails.size() + topics.size()) + " documents");
        }
        return new Result(count, seconds, node, client);
    }

    /** Bulk action and source line pairs, one string per document. */
    private static List<String> export(Pipeline pipeline, String alias) throws Exception {
        List<String> documents = new ArrayList<>();
        JsonNode page = pipeline.elasticsearch("POST", "/" + alias + "/_search?scroll=2m", "{\"size\":5000,\"sort\":[\"_doc\"]}");
        while (page.path("hits").path("hits").size() > 0) {
            for (JsonNode hit : page.path("hits").path("hits")) {
                documents.add("{\"index\":{\"_id\":" + Pipeline.JSON.writeValueAsString(hit.path("_id").asText()) + "}}\n"
                        + Pipeline.JSON.writeValueAsString(hit.path("_source")) + "\n");
            }
            page = pipeline.elasticsearch("POST", "/_search/scroll",
                    "{\"scroll\":\"2m\",\"scroll_id\":\"" + page.path("_scroll_id").asText() + "\"}");
        }
        pipeline.elasticsearch("DELETE", "/_search/scroll/_all", null);
        return documents;
    }

    /** A new index with the mappings of the alias's index and the read model's settings (1 shard, no replica). */
    private static void createLike(Pipeline pipeline, String alias, String index) throws Exception {
        JsonNode mappings = pipeline.elasticsearch("GET", "/" + alias + "/_mapping", null).elements().next().path("mappings");
        pipeline.elasticsearch("PUT", "/" + index, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},\"mappings\":"
                + Pipeline.JSON.writeValueAsString(mappings) + "}");
    }

    private static void load(Pipeline pipeline, String index, List<String> documents) throws Exception {
        for (int from = 0; from < documents.size(); from += BATCH) {
            StringBuilder body = new StringBuilder();
            documents.subList(from, Math.min(documents.size(), from + BATCH)).forEach(body::append);
            var response = Pipeline.HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.elasticsearch().httpUrl() + "/" + index + "/_bulk"))
                    .header("Content-Type", "application/x-ndjson").timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = Pipeline.JSON.readTree(response.body());
            if (response.statusCode() != 200 || answer.path("errors").asBoolean()) {
                throw new IllegalStateException("bulk into " + index + " failed: " + response.body().substring(0,
                        Math.min(500, response.body().length())));
            }
        }
    }
}
