package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.util.BinaryData;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.loredigest.report.ReportConfig;

/**
 * The service's one {@link BulkIngester}: callers add operations with a future each, and the listener settles every
 * future from its own bulk item, so no item's error goes unread and callers know exactly which documents were taken.
 * A bulk request is sent once its documents and action metadata reach {@code lore.report.bulk-max-bytes}, so it holds
 * at most that plus the one operation that crossed it.
 * <p>
 * Answers reach the ingester through {@link AnswerHandOffTransport}, off the HTTP client's I/O thread: completed on
 * that thread, a failed connection deadlocked the ingester against the client's connection pool while Elasticsearch
 * was down. A batch's answers share one deadline; what is unanswered by then is transient, retried by the caller.
 */
@ApplicationScoped
public class BulkWriter {

    /** What Elasticsearch did with one operation. */
    public sealed interface ItemOutcome {
        record Stored() implements ItemOutcome {
        }

        /** Worth retrying: overload, unavailable shards, or the request never got an answer. */
        record Transient(String reason) implements ItemOutcome {
        }

        /** Elasticsearch already holds a newer version of the document (external versioning): nothing to do. */
        record Stale() implements ItemOutcome {
        }

        /** Refused for good, e.g. a document the mapping rejects. */
        record Refused(String reason) implements ItemOutcome {
        }
    }

    private static final Logger LOG = Logger.getLogger(BulkWriter.class);
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(2);
    /** Field names, versions and JSON punctuation of an action line, generously. */
    private static final int ACTION_OVERHEAD = 100;

    private final BulkIngester<CompletableFuture<ItemOutcome>> ingester;
    private final JsonpMapper mapper;
    private final long maxBytes;
    private final Duration answerTimeout;
    /** Completes the transport's answers, so the HTTP client's I/O thread never runs the ingester's callbacks. */
    private final ExecutorService answers = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bulk-answers");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public BulkWriter(ElasticsearchClient client, ReportConfig config) {
        this(client, config.bulkMaxBytes(), ANSWER_TIMEOUT);
    }

    BulkWriter(ElasticsearchClient client, long maxBytes) {
        this(client, maxBytes, ANSWER_TIMEOUT);
    }

    /** @param answerTimeout how long one batch waits for all its answers */
    BulkWriter(ElasticsearchClient client, long maxBytes, Duration answerTimeout) {
        this.mapper = client._jsonpMapper();
        this.maxBytes = maxBytes;
        this.answerTimeout = answerTimeout;
        ElasticsearchAsyncClient handedOff = new ElasticsearchAsyncClient(
                new AnswerHandOffTransport(client._transport(), answers), client._transportOptions());
        this.ingester = BulkIngester.of(b -> b.client(handedOff)
                .maxOperations(1000)
                .maxSize(maxBytes)
                .maxConcurrentRequests(2)
                .flushInterval(200, TimeUnit.MILLISECONDS)
                .listener(new Listener()));
    }

    /**
     * A document serialised once, as the client would send it; operations carrying it are measured without
     * serialising again.
     */
    public BinaryData json(Object document) {
        return BinaryData.of(document, mapper);
    }

    /** Queues one operation; the future completes when its bulk request has been answered. */
    public CompletableFuture<ItemOutcome> add(BulkOperation operation) {
        // no flush of our own here: a caller blocked in the ingester's flush while holding a lock stopped every
        // indexer for good after an Elasticsearch outage; the ingester sends once its queue reaches maxBytes
        CompletableFuture<ItemOutcome> outcome = new CompletableFuture<>();
        ingester.add(operation, outcome);
        return outcome;
    }

    /** Bytes of the operation's document plus its action metadata, as the ingester counts them (or a little more). */
    long sizeOf(BulkOperation operation) {
        Object document = null;
        String index = "";
        String id = "";
        if (operation.isIndex()) {
            document = operation.index().document();
            index = operation.index().index();
            id = operation.index().id();
        } else if (operation.isCreate()) {
            document = operation.create().document();
            index = operation.create().index();
            id = operation.create().id();
        } else if (operation.isDelete()) {
            index = operation.delete().index();
            id = operation.delete().id();
        }
        long documentBytes = document == null ? 0
                : document instanceof BinaryData binary ? binary.size() : json(document).size();
        return documentBytes + ACTION_OVERHEAD + length(index) + length(id);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /**
     * Sends what is queued and sorts every item's outcome, waiting for the answers up to one deadline for the whole
     * batch: an item still unanswered then is transient.
     */
    public <T> IndexOutcome<T> await(Map<T, CompletableFuture<ItemOutcome>> pending) {
        flush();
        long deadline = System.nanoTime() + answerTimeout.toNanos();
        int stored = 0;
        List<T> retry = new ArrayList<>();
        Map<T, String> refused = new HashMap<>();
        for (var entry : pending.entrySet()) {
            switch (awaitOne(entry.getValue(), deadline)) {
                case ItemOutcome.Stored s -> stored++;
                case ItemOutcome.Stale s -> stored++;
                case ItemOutcome.Transient t -> retry.add(entry.getKey());
                case ItemOutcome.Refused r -> refused.put(entry.getKey(), r.reason());
            }
        }
        return new IndexOutcome<>(stored, retry, refused);
    }

    private ItemOutcome awaitOne(CompletableFuture<ItemOutcome> outcome, long deadline) {
        try {
            return outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new ItemOutcome.Transient("no answer from Elasticsearch within " + answerTimeout);
        } catch (ExecutionException e) {
            return new ItemOutcome.Transient(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
        }
    }

    /** Sends what is queued now instead of waiting for the flush interval. */
    public void flush() {
        ingester.flush();
    }

    void onStop(@Observes ShutdownEvent event) {
        ingester.close();
        answers.shutdown();
    }

    static ItemOutcome outcomeOf(BulkResponseItem item) {
        if (item.error() == null) {
            return new ItemOutcome.Stored();
        }
        if (item.status() == 409 && "version_conflict_engine_exception".equals(item.error().type())) {
            return new ItemOutcome.Stale();
        }
        String reason = item.status() + " " + item.error().type() + ": " + item.error().reason();
        return item.status() == 429 || item.status() >= 500 ? new ItemOutcome.Transient(reason) : new ItemOutcome.Refused(reason);
    }

    private static final class Listener implements BulkListener<CompletableFuture<ItemOutcome>> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<CompletableFuture<ItemOutcome>> contexts) {
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<CompletableFuture<ItemOutcome>> contexts,
                              BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < contexts.size(); i++) {
                ItemOutcome outcome = i < items.size() ? outcomeOf(items.get(i))
                        : new ItemOutcome.Transient("no item in the bulk response");
                contexts.get(i).complete(outcome);
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<CompletableFuture<ItemOutcome>> contexts,
                              Throwable failure) {
            LOG.warnf("bulk request of %d operations failed: %s", contexts.size(), failure.toString());
            contexts.forEach(c -> c.complete(new ItemOutcome.Transient(failure.toString())));
        }
    }
}
