package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.loredigest.report.digest.Digest;

/** Stored digests (the weekly ones) in {@link IndexSpec#DIGESTS}; an id names a period and its lists. */
@ApplicationScoped
public class DigestStore {

    /** What is stored: a few facets to list and sort by, and the digest itself. */
    public record StoredDigest(String id, List<String> lists, LocalDate from, LocalDate to, Instant generatedAt,
                               int topics, int security, Digest digest) {
    }

    /** What {@link #idOf} makes from list names and days, within Elasticsearch's limit on id length. */
    private static final Pattern ID = Pattern.compile("weekly-[a-z0-9._+-]{1,490}");

    private final ElasticsearchClient client;

    public DigestStore(ElasticsearchClient client) {
        this.client = client;
    }

    public static String idOf(List<String> lists, LocalDate from, LocalDate to) {
        return "weekly-" + (lists.isEmpty() ? "all" : String.join("+", lists)) + "-" + from + "-" + to;
    }

    public StoredDigest save(Digest digest) throws IOException {
        String id = idOf(digest.lists(), digest.from(), digest.to());
        StoredDigest stored = new StoredDigest(id, digest.lists(), digest.from(), digest.to(), digest.generatedAt(),
                digest.overview().topics(), digest.overview().security(), digest);
        client.index(i -> i.index(IndexSpec.DIGESTS.alias()).id(id).document(stored).refresh(
                co.elastic.clients.elasticsearch._types.Refresh.WaitFor));
        return stored;
    }

    /**
     * The stored digest of that id. An id that {@link #idOf} cannot have made is not looked up at all: Elasticsearch
     * refuses ids over 512 bytes with an error, and nothing else from the caller should reach it.
     */
    public Optional<StoredDigest> find(String id) throws IOException {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        GetResponse<StoredDigest> response = client.get(g -> g.index(IndexSpec.DIGESTS.alias()).id(id), StoredDigest.class);
        return Optional.ofNullable(response.found() ? response.source() : null);
    }

    /** Newest first, without the digest bodies. */
    public List<StoredDigest> latest(int size) throws IOException {
        return client.search(s -> s.index(IndexSpec.DIGESTS.alias()).size(size)
                        .source(src -> src.filter(f -> f.excludes("digest")))
                        .sort(o -> o.field(f -> f.field("from").order(SortOrder.Desc))), StoredDigest.class)
                .hits().hits().stream().map(Hit::source).toList();
    }
}
