package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loredigest.report.domain.DigestQuery;
import org.loredigest.report.domain.MessageCounts;
import org.loredigest.report.domain.MessageCounts.DayCount;
import org.loredigest.report.domain.MessageCounts.KeyCount;

/** Message volume of a period from Elasticsearch aggregations. */
@ApplicationScoped
public class MessageCountsRepository {

    private static final int MAX_LISTS = 500;

    private final ElasticsearchClient client;

    public MessageCountsRepository(ElasticsearchClient client) {
        this.client = client;
    }

    public MessageCounts count(DigestQuery query) throws IOException {
        Instant start = query.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("date").gte(start.toString()).lt(end.toString())))));
        if (!query.lists().isEmpty()) {
            List<FieldValue> values = query.lists().stream().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field("list").terms(v -> v.value(values)))));
        }
        SearchResponse<Void> response = client.search(s -> s.index(IndexSpec.MAILS.alias()).size(0).trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations("per_day", a -> a.dateHistogram(h -> h.field("date").calendarInterval(CalendarInterval.Day)
                        .timeZone("UTC").minDocCount(0)))
                .aggregations("per_list", a -> a.terms(t -> t.field("list").size(MAX_LISTS)))
                .aggregations("per_list_id", a -> a.terms(t -> t.field("listIds").size(MAX_LISTS))), Void.class);

        Map<LocalDate, Long> days = new LinkedHashMap<>();
        for (LocalDate d = query.from(); !d.isAfter(query.to()); d = d.plusDays(1)) {
            days.put(d, 0L);
        }
        response.aggregations().get("per_day").dateHistogram().buckets().array().forEach(b -> {
            LocalDate day = Instant.ofEpochMilli(b.key()).atZone(ZoneOffset.UTC).toLocalDate();
            days.computeIfPresent(day, (k, v) -> b.docCount());
        });
        List<DayCount> perDay = days.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue())).toList();
        return new MessageCounts(query.lists(), query.from(), query.to(), response.hits().total().value(), perDay,
                keyCounts(response, "per_list"), keyCounts(response, "per_list_id"));
    }

    private static List<KeyCount> keyCounts(SearchResponse<Void> response, String name) {
        return response.aggregations().get(name).sterms().buckets().array().stream()
                .map((StringTermsBucket b) -> new KeyCount(b.key().stringValue(), b.docCount()))
                .toList();
    }
}
