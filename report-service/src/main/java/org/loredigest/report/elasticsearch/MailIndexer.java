package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.loredigest.events.MailParsed;
import org.loredigest.report.domain.MailDocument;
import org.loredigest.report.elasticsearch.BulkWriter.ItemOutcome;

/**
 * Writes parsed mail into {@link MailIndex#ALIAS}, one index operation per mail with the Message-ID as document id,
 * and sorts every item's outcome: stored, to retry, or refused for good (for dead-lettering).
 */
@ApplicationScoped
public class MailIndexer {

    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(2);

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

    /** Outcome of one batch. */
    public record Outcome(int indexed, List<MailParsed> retry, Map<MailParsed, String> refused) {
    }

    public Outcome index(List<MailParsed> batch) {
        Instant now = clock.instant();
        // Within one batch the last copy of a key wins, as it would across batches.
        Map<String, MailParsed> byId = new LinkedHashMap<>();
        for (MailParsed mail : batch) {
            byId.put(MailDocument.of(mail, now).documentId(), mail);
        }
        Map<MailParsed, CompletableFuture<ItemOutcome>> pending = new LinkedHashMap<>();
        byId.forEach((id, mail) -> pending.put(mail, bulk.add(BulkOperation.of(op -> op.index(i -> i
                .index(MailIndex.ALIAS).id(id).document(MailDocument.of(mail, now)))))));
        bulk.flush();

        int indexed = 0;
        List<MailParsed> retry = new ArrayList<>();
        Map<MailParsed, String> refused = new HashMap<>();
        for (var entry : pending.entrySet()) {
            switch (await(entry.getValue())) {
                case ItemOutcome.Stored stored -> indexed++;
                case ItemOutcome.Transient t -> retry.add(entry.getKey());
                case ItemOutcome.Refused r -> refused.put(entry.getKey(), r.reason());
            }
        }
        return new Outcome(indexed, retry, refused);
    }

    private static ItemOutcome await(CompletableFuture<ItemOutcome> outcome) {
        try {
            return outcome.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new ItemOutcome.Transient("no answer from Elasticsearch within " + ANSWER_TIMEOUT);
        } catch (ExecutionException e) {
            return new ItemOutcome.Transient(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
        }
    }
}
