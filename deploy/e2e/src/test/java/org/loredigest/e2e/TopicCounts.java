package org.loredigest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a digest of a period must count, computed by Elasticsearch itself from {@code lore-topics}: threads that
 * started in the period, a patch series once (its newest revision: highest {@code series.version}, then latest
 * {@code lastActivity}), labels as classified ({@code discussion} / {@code medium} when a label is missing).
 *
 * @param topics     topics, one per series
 * @param messages   messages in them
 * @param security   topics whose security label is {@code yes}
 * @param byType     topics per type
 * @param bySeverity topics per severity
 * @param byList     topics per list
 */
record TopicCounts(long topics, long messages, long security, Map<String, Long> byType, Map<String, Long> bySeverity,
                   Map<String, Long> byList) {

    static final String QUERY = """
            {"size": 0,
             "query": {"bool": {"filter": [
               {"range": {"firstActivity": {"gte": "%s", "lt": "%s"}}},
               {"term": {"lists": "%s"}}]}},
             "aggs": {
               "single": {"filter": {"bool": {"must_not": {"exists": {"field": "series.seriesKey"}}}},
                 "aggs": {
                   "type": {"terms": {"field": "type.value", "missing": "discussion", "size": 100}},
                   "severity": {"terms": {"field": "severity.value", "missing": "medium", "size": 100}},
                   "list": {"terms": {"field": "lists", "size": 100}},
                   "security": {"filter": {"term": {"security.value": "yes"}}},
                   "messages": {"sum": {"field": "messageCount"}}}},
               "series": {"terms": {"field": "series.seriesKey", "size": 10000},
                 "aggs": {"newest": {"top_hits": {"size": 1,
                   "sort": [{"series.version": "desc"}, {"lastActivity": "desc"}],
                   "_source": ["type.value", "severity.value", "security.value", "lists", "messageCount"]}}}}}}
            """;

    static TopicCounts of(HttpClient http, ObjectMapper json, String elasticsearch, String list, LocalDate from,
                          LocalDate to) throws Exception {
        String body = QUERY.formatted(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), list);
        var request = HttpRequest.newBuilder(URI.create(elasticsearch + "/lore-topics/_search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("aggregation failed: " + response.body());
        }
        JsonNode aggs = json.readTree(response.body()).get("aggregations");
        JsonNode single = aggs.get("single");
        Map<String, Long> byType = buckets(single.get("type"));
        Map<String, Long> bySeverity = buckets(single.get("severity"));
        Map<String, Long> byList = buckets(single.get("list"));
        long topics = single.get("doc_count").asLong();
        long messages = single.get("messages").get("value").asLong();
        long security = single.get("security").get("doc_count").asLong();
        for (JsonNode series : aggs.get("series").get("buckets")) {
            JsonNode newest = series.get("newest").get("hits").get("hits").get(0).get("_source");
            topics++;
            messages += newest.path("messageCount").asLong();
            security += "yes".equals(label(newest, "security", "no")) ? 1 : 0;
            byType.merge(label(newest, "type", "discussion"), 1L, Long::sum);
            bySeverity.merge(label(newest, "severity", "medium"), 1L, Long::sum);
            newest.path("lists").forEach(l -> byList.merge(l.asText(), 1L, Long::sum));
        }
        return new TopicCounts(topics, messages, security, byType, bySeverity, byList);
    }

    /** The same figures as the digest JSON states them (zero counts left out). */
    static TopicCounts fromDigest(JsonNode digest) {
        JsonNode overview = digest.get("overview");
        return new TopicCounts(overview.get("topics").asLong(), overview.get("messages").asLong(),
                overview.get("security").asLong(), counts(digest.get("byType")), counts(digest.get("bySeverity")),
                counts(digest.get("byList")));
    }

    private static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach(c -> {
            if (c.get("count").asLong() > 0) {
                out.put(c.get("key").asText(), c.get("count").asLong());
            }
        });
        return out;
    }

    private static Map<String, Long> buckets(JsonNode terms) {
        Map<String, Long> out = new TreeMap<>();
        terms.get("buckets").forEach(b -> out.put(b.get("key").asText(), b.get("doc_count").asLong()));
        return out;
    }

    private static String label(JsonNode source, String name, String fallback) {
        JsonNode value = source.path(name).path("value");
        return value.isTextual() ? value.asText() : fallback;
    }
}
