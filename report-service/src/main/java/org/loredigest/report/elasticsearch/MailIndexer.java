package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loredigest.events.MailParsed;
import org.loredigest.report.domain.MailDocument;

/**
 * Writes parsed mail into {@link MailIndex#ALIAS} with one bulk request per batch and reads every item's outcome.
 * Items the cluster could not take for a transient reason (overload, unavailable shard) are retried by the caller;
 * items it refused for good (a document the mapping rejects) are returned for dead-lettering.
 */
@ApplicationScoped
public class MailIndexer {

    private final ElasticsearchClient client;
    private final Clock clock;

    @Inject
    public MailIndexer(ElasticsearchClient client) {
        this(client, Clock.systemUTC());
    }

    MailIndexer(ElasticsearchClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Outcome of one bulk call. */
    public record Outcome(int indexed, List<MailParsed> retry, Map<MailParsed, String> refused) {
    }

    public Outcome index(List<MailParsed> batch) throws IOException {
        if (batch.isEmpty()) {
            return new Outcome(0, List.of(), Map.of());
        }
        Instant now = clock.instant();
        // Within one batch the last copy of a key wins, as it would across batches.
        Map<String, MailParsed> byId = new java.util.LinkedHashMap<>();
        for (MailParsed mail : batch) {
            byId.put(MailDocument.of(mail, now).documentId(), mail);
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        byId.forEach((id, mail) -> bulk.operations(op -> op.index(i -> i.index(MailIndex.ALIAS).id(id)
                .document(MailDocument.of(mail, now)))));
        BulkResponse response = client.bulk(bulk.build());

        List<MailParsed> retry = new ArrayList<>();
        Map<MailParsed, String> refused = new HashMap<>();
        int indexed = 0;
        for (BulkResponseItem item : response.items()) {
            MailParsed mail = byId.get(item.id());
            if (item.error() == null) {
                indexed++;
            } else if (isTransient(item.status())) {
                retry.add(mail);
            } else {
                refused.put(mail, item.status() + " " + item.error().type() + ": " + item.error().reason());
            }
        }
        return new Outcome(indexed, retry, refused);
    }

    static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }
}
