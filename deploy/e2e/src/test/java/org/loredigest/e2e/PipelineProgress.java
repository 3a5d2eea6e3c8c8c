package org.loredigest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.loredigest.events.Topics;
import org.loredigest.testkit.ConsumerLag;
import org.loredigest.testkit.ServiceProcess;
import org.loredigest.testkit.ServiceProcess;

/**
 * Waits until the pipeline has worked through what was ingested: every mail of a list is in {@code lore-mails}, the
 * consumer groups of classify-service and report-service have committed every record of their input topics
 * (classify-service's internal repartition topics included), and {@code lore-topics} has stopped changing — same
 * number of topics and same sum of their versions (every re-classification raises a version) over several polls.
 */
final class PipelineProgress {

    static final Duration TIMEOUT = Duration.ofSeconds(180);
    static final Duration POLL = Duration.ofSeconds(2);
    static final int QUIET_POLLS = 3;

    private PipelineProgress() {
    }

    static final Map<String, List<String>> GROUP_INPUTS = Map.of(
            "classify-service", List.of(Topics.MAIL_RECEIVED),
            "report-service", List.of(Topics.MAIL_PARSED, Topics.THREAD_CLASSIFIED));

    static void awaitSettled(HttpClient http, ObjectMapper json, String elasticsearch, String bootstrap, String list,
                             long mails, ServiceProcess report) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        long indexed = 0;
        while (indexed < mails) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + indexed + " of " + mails + " mails indexed; report-service log:\n" + report.tail());
            }
            Thread.sleep(POLL.toMillis());
            indexed = search(http, json, elasticsearch, "lore-mails", "{\"size\":0,\"track_total_hits\":true,"
                    + "\"query\":{\"term\":{\"list\":\"" + list + "\"}}}").get("hits").get("total").get("value").asLong();
        }
        String versions = "{\"size\":0,\"track_total_hits\":true,\"aggs\":{\"v\":{\"sum\":{\"field\":\"version\"}}}}";
        String previous = "";
        int quiet = 0;
        while (quiet < QUIET_POLLS) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("lore-topics still changing (" + previous + "); report-service log:\n" + report.tail());
            }
            Thread.sleep(POLL.toMillis());
            long lag = ConsumerLag.of(bootstrap, GROUP_INPUTS);
            JsonNode answer = search(http, json, elasticsearch, "lore-topics", versions);
            String state = answer.get("hits").get("total").get("value").asLong() + " topics, version sum "
                    + answer.get("aggregations").get("v").get("value").asLong() + ", consumer lag " + lag;
            // transactional producers leave one commit marker per partition after the last record: a settled
            // pipeline has a small lag that no longer moves
            quiet = state.equals(previous) && lag <= ConsumerLag.MARKER_ALLOWANCE && !state.startsWith("0 ") ? quiet + 1 : 0;
            if (!state.equals(previous)) {
                System.out.println("pipeline after " + Duration.between(deadline.minus(TIMEOUT), Instant.now()).toSeconds()
                        + " s: " + state);
            }
            previous = state;
        }
    }

    private static JsonNode search(HttpClient http, ObjectMapper json, String elasticsearch, String index, String body)
            throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        var response = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) { // report-service has not created the index yet
            return json.readTree("{\"hits\":{\"total\":{\"value\":0}},\"aggregations\":{\"v\":{\"value\":0}}}");
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(index + " search failed: " + response.body());
        }
        return json.readTree(response.body());
    }
}
