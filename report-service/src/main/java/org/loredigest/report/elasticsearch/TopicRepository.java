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
 * Reads topics of a period from {@link IndexSpec#TOPICS}: the threads with mail in it, with a language model's summary
 * where one matches (see {@link SummaryStore}).
 */
@ApplicationScoped
public class TopicRepository {

    /** Topics read per search request; a busy month of linux-mm has a few thousand active threads. */
    static final int PAGE = 2_000;

    private final ElasticsearchClient client;
    private final SummaryStore summaries;

    public TopicRepository(ElasticsearchClient client, SummaryStore summaries) {
        this.client = client;
        this.summaries = summaries;
    }

    /**
     * Topics that may have mail in the period: first mail before its end and last mail at or after its start. A long
     * thread that was quiet during the period is among them; the digest drops it when its timeline has no mail there.
     * Read page by page (sorted by thread id), so no period is cut short.
     */
    public List<ThreadClassified> activeIn(List<String> lists, LocalDate from, LocalDate to) throws IOException {
        return activeIn(lists, from, to, List.of());
    }

    /** @param unread fields of the topic documents not to read (Elasticsearch source excludes) */
    public List<ThreadClassified> activeIn(List<String> lists, LocalDate from, LocalDate to, List<String> unread)
            throws IOException {
        String start = from.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        String end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("firstActivity").lt(end)))));
        filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("lastActivity").gte(start)))));
        if (!lists.isEmpty()) {
            filters.add(Query.of(q -> q.terms(t -> t.field("lists").terms(v -> v.value(lists.stream().map(FieldValue::of).toList())))));
        }
        List<ThreadClassified> out = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<ThreadClassified> response = client.search(s -> {
                s.index(IndexSpec.TOPICS.alias()).size(PAGE).query(q -> q.bool(b -> b.filter(filters)))
                        .source(src -> src.filter(f -> f.excludes(unread)))
                        .sort(o -> o.field(f -> f.field("threadId").order(SortOrder.Asc)));
                return searchAfter == null ? s : s.searchAfter(searchAfter);
            }, ThreadClassified.class);
            List<Hit<ThreadClassified>> hits = response.hits().hits();
            hits.forEach(h -> out.add(h.source()));
            if (hits.size() < PAGE) {
                // summaries are laid over only where the caller reads them
                return unread.contains("summary") ? out : summaries.overlay(out);
            }
            after = hits.get(hits.size() - 1).sort();
        }
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
