package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.loredigest.events.ThreadClassified;

/**
 * Reads topics of a period from {@link IndexSpec#TOPICS}: the threads that started in it, with a language model's
 * summary where one matches (see {@link SummaryStore}).
 */
@ApplicationScoped
public class TopicRepository {

    /** Upper bound of topics per period; a month of linux-mm has about a thousand. */
    static final int MAX_TOPICS = 10_000;

    private final ElasticsearchClient client;
    private final SummaryStore summaries;

    public TopicRepository(ElasticsearchClient client, SummaryStore summaries) {
        this.client = client;
        this.summaries = summaries;
    }

    public List<ThreadClassified> startedIn(List<String> lists, LocalDate from, LocalDate to) throws IOException {
        String start = from.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        String end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("firstActivity").gte(start).lt(end)))));
        if (!lists.isEmpty()) {
            filters.add(Query.of(q -> q.terms(t -> t.field("lists").terms(v -> v.value(lists.stream().map(FieldValue::of).toList())))));
        }
        SearchResponse<ThreadClassified> response = client.search(s -> s.index(IndexSpec.TOPICS.alias()).size(MAX_TOPICS)
                .query(q -> q.bool(b -> b.filter(filters)))
                .sort(o -> o.field(f -> f.field("firstActivity").order(SortOrder.Asc))), ThreadClassified.class);
        return summaries.overlay(response.hits().hits().stream().map(Hit::source).toList());
    }

    /** Every list that has mail or topics, so a request for an unknown list can be refused clearly. */
    public Set<String> knownLists() throws IOException {
        Set<String> lists = new TreeSet<>();
        var topics = client.search(s -> s.index(IndexSpec.TOPICS.alias()).size(0)
                .aggregations("lists", a -> a.terms(t -> t.field("lists").size(1000))), Void.class);
        topics.aggregations().get("lists").sterms().buckets().array().forEach(b -> lists.add(b.key().stringValue()));
        var mails = client.search(s -> s.index(IndexSpec.MAILS.alias()).size(0)
                .aggregations("lists", a -> a.terms(t -> t.field("list").size(1000))), Void.class);
        mails.aggregations().get("lists").sterms().buckets().array().forEach(b -> lists.add(b.key().stringValue()));
        return lists;
    }
}
