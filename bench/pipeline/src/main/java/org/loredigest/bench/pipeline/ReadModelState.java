package org.loredigest.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.loredigest.events.Topics;
import org.loredigest.testkit.ConsumerLag;

/**
 * What Elasticsearch holds at the end of a run, in a form two runs can be compared by: every mail document id, and
 * every topic with its message count and labels. Also: waiting until the pipeline has settled.
 *
 * @param mailDocuments         documents in lore-mails
 * @param documentsPerMessageId {@code messageId} → documents carrying it (more than one only for different mails
 *                              sharing a Message-ID); mails without one under {@link #NO_MESSAGE_ID}
 * @param mailIds               the documents' ids, sorted
 * @param topics                thread id → "messages type severity security fixStatus"
 */
public record ReadModelState(long mailDocuments, Map<String, Integer> documentsPerMessageId, Set<String> mailIds,
                             Map<String, String> topics) {

    public static final String NO_MESSAGE_ID = "(no Message-ID)";
    private static final String NOT_READABLE = "not readable: ";

    /** Consumer group → the topics it reads; Kafka Streams repartition topics are added by {@link ConsumerLag}. */
    static final Map<String, List<String>> PIPELINE_GROUPS = Map.of(
            Pipeline.CLASSIFY, List.of(Topics.MAIL_RECEIVED),
            Pipeline.REPORT, List.of(Topics.MAIL_PARSED, Topics.THREAD_CLASSIFIED));
    /** The alias report-service writes mail documents under (its {@code IndexSpec.MAILS}). */
    public static final String MAILS = "lore-mails";
    /** The alias report-service writes topic documents under (its {@code IndexSpec.TOPICS}). */
    public static final String TOPICS = "lore-topics";

    /** Reads the whole read model (scroll over both aliases). */
    public static ReadModelState read(Pipeline pipeline) throws Exception {
        pipeline.elasticsearch("POST", "/" + MAILS + "," + TOPICS + "/_refresh", null);
        Set<String> mailIds = new TreeSet<>();
        Map<String, Integer> perMessageId = new java.util.HashMap<>();
        long[] documents = {0};
        scroll(pipeline, MAILS, "[\"messageId\",\"messageIdMissing\"]", hit -> {
            documents[0]++;
            mailIds.add(hit.path("_id").asText());
            JsonNode s = hit.path("_source");
            String id = s.path("messageIdMissing").asBoolean() ? NO_MESSAGE_ID : s.path("messageId").asText();
            perMessageId.merge(id, 1, Integer::sum);
        });
        Map<String, String> topics = new TreeMap<>();
        scroll(pipeline, TOPICS, "[\"messageCount\",\"type\",\"severity\",\"security\",\"fixStatus\"]", hit -> {
            JsonNode s = hit.path("_source");
            topics.put(hit.path("_id").asText(), s.path("messageCount").asText() + " " + label(s.path("type")) + " "
                    + label(s.path("severity")) + " " + label(s.path("security")) + " " + label(s.path("fixStatus")));
        });
        return new ReadModelState(documents[0], perMessageId, mailIds, topics);
    }

    /** Distinct Message-IDs among the mail documents. */
    public long distinctMessageIds() {
        return documentsPerMessageId.size();
    }

    /** A label's value: labels are objects with the value, its signals and its evidence. */
    private static String label(JsonNode label) {
        return label.isObject() ? label.path("value").asText() : label.asText();
    }

    private static void scroll(Pipeline pipeline, String index, String fields, Consumer<JsonNode> each) throws Exception {
        JsonNode page = pipeline.elasticsearch("POST", "/" + index + "/_search?scroll=2m",
                "{\"size\":5000,\"sort\":[\"_doc\"],\"_source\":" + fields + "}");
        List<String> scrollIds = new ArrayList<>();
        while (page.path("hits").path("hits").size() > 0) {
            page.path("hits").path("hits").forEach(each);
            String scrollId = page.path("_scroll_id").asText();
            scrollIds.add(scrollId);
            page = pipeline.elasticsearch("POST", "/_search/scroll", "{\"scroll\":\"2m\",\"scroll_id\":\"" + scrollId + "\"}");
        }
        pipeline.elasticsearch("DELETE", "/_search/scroll/_all", null);
    }

    /** A short fingerprint of mails and topics, equal for equal end states. */
    public String fingerprint() {
        return sha256(String.join("\n", mailIds)).substring(0, 12) + "/" + sha256(topics.toString()).substring(0, 12);
    }

    /** A topic's message count, the first field of its entry in {@link #topics}. */
    public static int messageCount(String topicEntry) {
        return Integer.parseInt(topicEntry.substring(0, topicEntry.indexOf(' ')));
    }

    /** Mail documents in the index now (refreshes first); 0 before the index exists. */
    public static long mailCount(Pipeline pipeline) {
        try {
            pipeline.elasticsearch("POST", "/" + MAILS + "/_refresh", null);
            return pipeline.elasticsearch("GET", "/" + MAILS + "/_count", null).path("count").asLong();
        } catch (Exception notYet) {
            return 0;
        }
    }

    /** Topic documents in the index now (refreshes first); 0 before the index exists. */
    public static long topicCount(Pipeline pipeline) {
        try {
            pipeline.elasticsearch("POST", "/" + TOPICS + "/_refresh", null);
            return pipeline.elasticsearch("GET", "/" + TOPICS + "/_count", null).path("count").asLong();
        } catch (Exception notYet) {
            return 0;
        }
    }

    /**
     * Index operations the node has carried out on the primaries behind an alias since they were created
     * ({@code indexing.index_total} of {@code _stats/indexing}): every write of a document, the first and each
     * overwrite, counted once per write. Writes turned away as stale (an external version conflict) are not among
     * them: Elasticsearch counts those as failed.
     */
    public static long indexOperations(Pipeline pipeline, String alias) throws Exception {
        return pipeline.elasticsearch("GET", "/" + alias + "/_stats/indexing", null)
                .path("_all").path("primaries").path("indexing").path("index_total").asLong();
    }

    /**
     * Waits until the pipeline has settled: the write counters of both indices ({@code _stats/indexing}, which move
     * with every write and force nothing) and what a search sees (mails, topics, the sum of topic versions — each
     * re-classification raises a version) stay the same for {@code quietFor}, and the consumer groups have read their
     * input topics. Polling never forces a refresh: the end is when the pipeline itself made the last change
     * searchable. Should the final state only show after a refresh forced here, the end is that moment, tail included.
     * Returns the moment (System.nanoTime) of the last change: the time the pipeline was done.
     */
    public static long awaitSettled(Pipeline pipeline, Duration quietFor, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastChange = System.nanoTime();
        String previous = "";
        while (true) {
            String state = settleState(pipeline);
            long now = System.nanoTime();
            if (!state.equals(previous)) {
                lastChange = now;
                previous = state;
                System.out.println("  " + state);
            } else if (!state.startsWith(NOT_READABLE) && now - lastChange >= quietFor.toNanos()) {
                long lag = consumerLag(pipeline);
                if (lag <= ConsumerLag.MARKER_ALLOWANCE) {
                    pipeline.elasticsearch("POST", "/" + MAILS + "," + TOPICS + "/_refresh", null);
                    String refreshed = settleState(pipeline);
                    if (refreshed.equals(state)) {
                        return lastChange;
                    }
                    System.out.println("  only visible after a forced refresh: " + refreshed);
                    lastChange = System.nanoTime();
                    previous = refreshed;
                }
            }
            if (now > deadline) {
                throw new IllegalStateException("the pipeline did not settle within " + timeout + ": " + state);
            }
            Thread.sleep(500);
        }
    }

    /** Write counters and the searchable state, without refreshing; a message while the indices do not exist yet. */
    private static String settleState(Pipeline pipeline) {
        try {
            JsonNode writes = pipeline.elasticsearch("GET", "/" + MAILS + "," + TOPICS + "/_stats/indexing", null)
                    .path("_all").path("primaries").path("indexing");
            JsonNode topics = pipeline.elasticsearch("POST", "/" + TOPICS + "/_search?request_cache=false",
                    "{\"size\":0,\"track_total_hits\":true,\"aggs\":{\"v\":{\"sum\":{\"field\":\"version\"}}}}");
            long mails = pipeline.elasticsearch("GET", "/" + MAILS + "/_count", null).path("count").asLong();
            return mails + " mails, " + topics.path("hits").path("total").path("value").asLong() + " topics searchable, version sum "
                    + topics.path("aggregations").path("v").path("value").asLong() + "; index operations "
                    + writes.path("index_total").asLong() + ", deletions " + writes.path("delete_total").asLong();
        } catch (Exception notReadable) {
            return NOT_READABLE + notReadable.getMessage();
        }
    }

    private static long consumerLag(Pipeline pipeline) {
        try {
            return ConsumerLag.of(pipeline.kafka().bootstrapServers(), PIPELINE_GROUPS);
        } catch (Exception notReadable) {
            return Long.MAX_VALUE;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
