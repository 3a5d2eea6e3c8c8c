package org.loredigest.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.loredigest.events.Topics;
import org.loredigest.testkit.ConsumerLag;

/** The read model as Elasticsearch holds it: when the pipeline is done with it, and the digest's own search. */
final class ReadModel {

    static final Duration TIMEOUT = Duration.ofMinutes(15);
    static final int QUIET_POLLS = 4;
    static final Map<String, List<String>> PIPELINE_GROUPS = Map.of(
            "classify-service", List.of(Topics.MAIL_RECEIVED),
            "report-service", List.of(Topics.MAIL_PARSED, Topics.THREAD_CLASSIFIED));

    private ReadModel() {
    }

    /**
     * Threads that started in the period, on the lists: the baseline every run of this bench has measured (it was the
     * digest's own search before digests covered activity), kept so ratios compare across versions.
     */
    static String filter(String lists, LocalDate from, LocalDate to) {
        return "{\"bool\":{\"filter\":[{\"range\":{\"firstActivity\":{\"gte\":\"" + DigestLatencyBench.day(from)
                + "\",\"lt\":\"" + DigestLatencyBench.day(to.plusDays(1)) + "\"}}},{\"terms\":{\"lists\":" + quoted(lists) + "}}]}}";
    }

    static String topicSearch(String lists, LocalDate from, LocalDate to) {
        return "{\"size\":10000,\"query\":" + filter(lists, from, to) + ",\"sort\":[{\"firstActivity\":{\"order\":\"asc\"}}]}";
    }

    /** The search the digest is assembled from now (TopicRepository.activeIn): threads with mail in the period. */
    static String activeTopicSearch(String lists, LocalDate from, LocalDate to) {
        return "{\"size\":2000,\"query\":{\"bool\":{\"filter\":[{\"range\":{\"firstActivity\":{\"lt\":\""
                + DigestLatencyBench.day(to.plusDays(1)) + "\"}}},{\"range\":{\"lastActivity\":{\"gte\":\""
                + DigestLatencyBench.day(from) + "\"}}},{\"terms\":{\"lists\":" + quoted(lists) + "}}]}},"
                + "\"sort\":[{\"threadId\":{\"order\":\"asc\"}}]}";
    }

    private static String quoted(String lists) {
        return "[\"" + String.join("\",\"", lists.split(",")) + "\"]";
    }

    /**
     * Waits until the consumer groups of classify- and report-service have consumed their input topics (up to the
     * transaction markers) and the numbers of mails and topics and the sum of topic versions (every
     * re-classification raises a version) stay the same over several polls. Returns the number of topics.
     */
    static long awaitSettled(HttpClient http, ObjectMapper json, String elasticsearch, String bootstrap, long mails)
            throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        String previous = "";
        int quiet = 0;
        long topics = 0;
        while (quiet < QUIET_POLLS) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the pipeline did not settle: " + previous);
            }
            Thread.sleep(2000);
            long indexed = total(http, json, elasticsearch, "lore-mails", "{\"size\":0,\"track_total_hits\":true}");
            JsonNode answer = search(http, json, elasticsearch, "lore-topics",
                    "{\"size\":0,\"track_total_hits\":true,\"aggs\":{\"v\":{\"sum\":{\"field\":\"version\"}}}}");
            topics = answer.path("hits").path("total").path("value").asLong();
            long lag = ConsumerLag.of(bootstrap, PIPELINE_GROUPS);
            String state = indexed + " of " + mails + " mails, " + topics + " topics, version sum "
                    + answer.path("aggregations").path("v").path("value").asLong() + ", consumer lag " + lag;
            quiet = state.equals(previous) && lag <= ConsumerLag.MARKER_ALLOWANCE && topics > 0 ? quiet + 1 : 0;
            if (!state.equals(previous)) {
                System.out.println("  " + state);
            }
            previous = state;
        }
        return topics;
    }

    private static long total(HttpClient http, ObjectMapper json, String elasticsearch, String index, String body)
            throws Exception {
        return search(http, json, elasticsearch, index, body).path("hits").path("total").path("value").asLong();
    }

    private static JsonNode search(HttpClient http, ObjectMapper json, String elasticsearch, String index, String body)
            throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        var response = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) { // not created yet
            return json.createObjectNode();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(index + " search failed: " + response.body());
        }
        return json.readTree(response.body());
    }
}
