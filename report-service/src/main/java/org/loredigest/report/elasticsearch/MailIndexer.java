package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.loredigest.events.MailParsed;
import org.loredigest.report.domain.MailDocument;
import org.loredigest.report.elasticsearch.BulkWriter.ItemOutcome;

/**
 * Writes parsed mail into {@link IndexSpec#MAILS}, one index operation per mail with its record key as document id,
 * and sorts every item's outcome: stored, to retry, or refused for good (for dead-lettering).
 */
@ApplicationScoped
public class MailIndexer {

    private final BulkWriter bulk;
    private final Clock clock;

    @Inject
    public MailIndexer(BulkWriter bulk) {
        this(bulk, Clock.systemUTC());
    }

    MailIndexer(BulkWriter bulk, Clock clock) {
        this.bulk = bulk;
        this.clock = clock;
    }

    public IndexOutcome<MailParsed> index(List<MailParsed> batch) {
        Instant now = clock.instant();
        // Within one batch the last copy of a key wins, as it would across batches.
        Map<String, MailParsed> byId = new LinkedHashMap<>();
        for (MailParsed mail : batch) {
            byId.put(MailDocument.of(mail, now).documentId(), mail);
        }
        Map<MailParsed, CompletableFuture<ItemOutcome>> pending = new LinkedHashMap<>();
        byId.forEach((id, mail) -> pending.put(mail, bulk.add(BulkOperation.of(op -> op.index(i -> i
                .index(IndexSpec.MAILS.alias()).id(id).document(bulk.json(MailDocument.of(mail, now))))))));
        return bulk.await(pending);
    }
}
