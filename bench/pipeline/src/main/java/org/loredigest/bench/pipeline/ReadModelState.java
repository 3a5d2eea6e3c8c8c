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
 * @param mailDocuments   documents in lore-mails
 * @param distinctMessageIds distinct {@code messageId} values among them (equal when no mail is stored twice)
 * @param mailIds         the documents' ids, sorted
 * @param topics          thread id → "messages type severity security fixStatus"
 */
public record ReadModelState(long mailDocuments, long distinctMessageIds, Set<String> mailIds, Map<String, String> topics) {

    /** Consumer group → the topics it reads; Kafka Streams repartition topics are added by {@link ConsumerLag}. */
    static final Map<String, List<String>> PIPELINE_GROUPS = Map.of(
            Pipeline.CLASSIFY, List.of(Topics.MAIL_RECEIVED),
            Pipeline.REPORT, List.of(Topics.MAIL_PARSED, Topics.THREAD_CLASSIFIED));
    private static final String MAILS = "lore-mails";
    private static final String TOPICS = "lore-topics";

    /** Reads the whole read model (scroll over both aliases). */
    public static ReadModelState read(Pipeline pipeline) throws Exception {
        pipeline.elasticsearch("POST", "/" + MAILS + "," + TOPICS + "/_refresh", null);
        Set<String> mailIds = new TreeSet<>();
        Set<String> messageIds = new java.util.HashSet<>();
        long[] documents = {0};
        scroll(pipeline, MAILS, "[\"messageId\"]", hit -> {
            documents[0]++;
            mailIds.add(hit.path("_id").asText());
            messageIds.add(hit.path("_source").path("messageId").asText());
        });
        Map<String, String> topics = new TreeMap<>();
        scroll(pipeline, TOPICS, "[\"messageCount\",\"type\",\"severity\",\"security\",\"fixStatus\"]", hit -> {
            JsonNode s = hit.path("_source");
            topics.put(hit.path("_id").asText(), s.path("messageCount").asText() + " " + label(s.path("type")) + " "
                    + label(s.path("severity")) + " " + label(s.path("security")) + " " + label(s.path("fixStatus")));
        });
        return new ReadModelState(documents[0], messageIds.size(), mailIds, topics);
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

    /**
     * How this state differs from {@code expected}. {@code documents}: mail stored twice, mail missing or extra,
     * topics missing or extra — what must never happen. {@code topicContents}: topics present in both whose message
     * count or labels differ.
     */
    public record Differences(List<String> documents, List<String> topicContents) {
    }

    public Differences differencesFrom(ReadModelState expected) {
        List<String> documents = new ArrayList<>();
        if (mailDocuments != distinctMessageIds) {
            documents.add(mailDocuments + " mail documents for " + distinctMessageIds + " distinct Message-IDs");
        }
        diff("mail", expected.mailIds, mailIds, documents);
        diff("topic", expected.topics.keySet(), topics.keySet(), documents);
        List<String> contents = new ArrayList<>();
        for (var topic : topics.entrySet()) {
            String want = expected.topics.get(topic.getKey());
            if (want != null && !want.equals(topic.getValue())) {
                contents.add("topic " + topic.getKey() + ": expected " + want + ", got " + topic.getValue());
            }
        }
        return new Differences(documents, contents);
    }

    private static void diff(String what, Set<String> expected, Set<String> actual, List<String> lines) {
        expected.stream().filter(id -> !actual.contains(id)).forEach(id -> lines.add(what + " missing: " + id));
        actual.stream().filter(id -> !expected.contains(id)).forEach(id -> lines.add(what + " extra: " + id));
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
     * Waits until the consumer groups have read their input topics and the numbers of mails and topics and the sum
     * of topic versions (each re-classification raises a version) stay the same for {@code quietFor}. Returns the
     * moment (System.nanoTime) of the last change: the time the pipeline was done.
     */
    public static long awaitSettled(Pipeline pipeline, Duration quietFor, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastChange = System.nanoTime();
        String previous = "";
        while (true) {
            String state;
            long lag;
            try {
                JsonNode topics = pipeline.elasticsearch("POST", "/" + TOPICS + "/_search?request_cache=false",
                        "{\"size\":0,\"track_total_hits\":true,\"aggs\":{\"v\":{\"sum\":{\"field\":\"version\"}}}}");
                lag = ConsumerLag.of(pipeline.kafka().bootstrapServers(), PIPELINE_GROUPS);
                state = mailCount(pipeline) + " mails, " + topics.path("hits").path("total").path("value").asLong()
                        + " topics, version sum " + topics.path("aggregations").path("v").path("value").asLong();
            } catch (Exception notReadable) {
                state = "not readable: " + notReadable.getMessage();
                lag = Long.MAX_VALUE;
            }
            long now = System.nanoTime();
            if (!state.equals(previous)) {
                lastChange = now;
                previous = state;
                System.out.println("  " + state + ", consumer lag " + lag);
            } else if (lag <= ConsumerLag.MARKER_ALLOWANCE && now - lastChange >= quietFor.toNanos()) {
                return lastChange;
            }
            if (now > deadline) {
                throw new IllegalStateException("the pipeline did not settle within " + timeout + ": " + state + ", lag " + lag);
            }
            Thread.sleep(500);
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
