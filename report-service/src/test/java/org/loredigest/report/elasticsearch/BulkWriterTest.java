package org.loredigest.report.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.util.BinaryData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.loredigest.report.elasticsearch.BulkWriter.ItemOutcome;

/** The splitting of queued operations into bulk requests by bytes, against a transport that answers every item. */
class BulkWriterTest {

    private static final long MAX_BYTES = 100_000;

    private final RecordingTransport transport = new RecordingTransport();
    private final BulkWriter writer = new BulkWriter(new ElasticsearchClient(transport), MAX_BYTES);

    @Test
    void noRequestHoldsMoreThanTheLimitPlusOneOperationAndEveryOperationIsSentOnce() {
        Map<Integer, CompletableFuture<ItemOutcome>> pending = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            pending.put(i, writer.add(index("doc-" + i, 9_000 + 500 * (i % 5))));
        }
        pending.put(40, writer.add(BulkOperation.of(b -> b.delete(d -> d.index(IndexSpec.TOPICS.alias()).id("gone")))));

        IndexOutcome<Integer> outcome = writer.await(pending);

        assertThat(outcome.stored()).isEqualTo(41);
        assertThat(transport.requests).hasSizeGreaterThan(3);
        for (BulkRequest request : transport.requests) {
            List<Long> sizes = request.operations().stream().map(writer::sizeOf).toList();
            long beforeTheLast = sizes.stream().mapToLong(Long::longValue).sum() - sizes.get(sizes.size() - 1);
            assertThat(beforeTheLast).isLessThan(MAX_BYTES);
        }
        assertThat(transport.requests.stream().mapToInt(r -> r.operations().size()).sum()).isEqualTo(41);
    }

    @Test
    void anOperationLargerThanTheLimitEndsItsRequest() {
        Map<String, CompletableFuture<ItemOutcome>> pending = new LinkedHashMap<>();
        pending.put("small", writer.add(index("small", 1_000)));
        pending.put("huge", writer.add(index("huge", 150_000)));
        pending.put("after", writer.add(index("after", 1_000)));

        writer.await(pending);

        assertThat(transport.requests).extracting(r -> r.operations().size()).containsExactly(2, 1);
    }

    @Test
    void aBatchWhoseAnswersNeverComeIsTransientAfterOneDeadlineForTheWholeBatch() {
        // one request's worth, never answered: eight items waiting 500 ms each in turn would take 4 s
        BulkWriter silent = new BulkWriter(new ElasticsearchClient(new SilentTransport()), MAX_BYTES,
                Duration.ofMillis(500));
        Map<Integer, CompletableFuture<ItemOutcome>> pending = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            pending.put(i, silent.add(index("doc-" + i, 9_000)));
        }

        IndexOutcome<Integer> outcome = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> silent.await(pending));

        assertThat(outcome.stored()).isZero();
        assertThat(outcome.retry()).hasSize(8);
    }

    @Test
    void theSizeCountsTheSerialisedDocumentAndItsActionLine() {
        BinaryData document = writer.json(Map.of("text", "x".repeat(1_000)));

        long size = writer.sizeOf(BulkOperation.of(b -> b.index(i -> i.index("lore-mails").id("m@x").document(document))));

        assertThat(document.size()).isGreaterThan(1_000);
        assertThat(size).isGreaterThan(document.size() + "lore-mails".length() + "m@x".length());
    }

    private BulkOperation index(String id, int textBytes) {
        BinaryData document = writer.json(Map.of("text", "x".repeat(textBytes)));
        return BulkOperation.of(b -> b.index(i -> i.index(IndexSpec.MAILS.alias()).id(id).document(document)));
    }

    /** Takes every request and never answers, as a transport wedged while Elasticsearch restarted. */
    private static final class SilentTransport extends BulkTestTransport {

        @Override
        public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
                Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
            return new CompletableFuture<>();
        }
    }

    /** Records every bulk request and answers each item as stored. */
    private static final class RecordingTransport extends BulkTestTransport {

        final List<BulkRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
                Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
            BulkRequest bulk = (BulkRequest) request;
            requests.add(bulk);
            List<BulkResponseItem> items = bulk.operations().stream().map(op -> BulkResponseItem.of(i -> i
                    .operationType(op.isDelete() ? OperationType.Delete : OperationType.Index)
                    .index(IndexSpec.MAILS.index()).status(op.isDelete() ? 200 : 201))).toList();
            return CompletableFuture.completedFuture((ResponseT) BulkResponse.of(r -> r.errors(false).took(1).items(items)));
        }
    }
}
