package org.loredigest.report.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.util.BinaryData;
import java.net.ConnectException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loredigest.report.elasticsearch.BulkWriter.ItemOutcome;

/**
 * Elasticsearch down, as the low-level REST client handles it: a request whose connection failed is completed on the
 * client's I/O thread while that thread holds the connection pool's lock, and the next request needs the same lock to
 * lease a connection. The writer must keep answering every batch (all transient) instead of deadlocking.
 */
class BulkWriterPoolLockTest {

    private static final long MAX_BYTES = 50_000;

    private final RefusingPoolTransport transport = new RefusingPoolTransport();

    @AfterEach
    void stopIoThread() {
        transport.io.shutdownNow();
    }

    @Test
    void failedConnectionsCompletedUnderThePoolLockDoNotStopTheWriter() {
        BulkWriter writer = new BulkWriter(new ElasticsearchClient(transport), MAX_BYTES, Duration.ofSeconds(60));

        // adding blocks too once the ingester stops sending, so the whole exchange runs under the timeout
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int round = 0; round < 3; round++) {
                Map<Integer, CompletableFuture<ItemOutcome>> pending = new LinkedHashMap<>();
                for (int i = 0; i < 20; i++) {
                    pending.put(i, writer.add(index(writer, "doc-" + round + "-" + i, 9_000)));
                }

                IndexOutcome<Integer> outcome = writer.await(pending);

                assertThat(outcome.retry()).hasSize(20);
            }
        });
        assertThat(transport.requests.get()).isGreaterThan(6);
    }

    private static BulkOperation index(BulkWriter writer, String id, int textBytes) {
        BinaryData document = writer.json(Map.of("text", "x".repeat(textBytes)));
        return BulkOperation.of(b -> b.index(i -> i.index(IndexSpec.MAILS.alias()).id(id).document(document)));
    }

    /**
     * Every request fails with "connection refused"; the earlier request is failed by the I/O thread under the pool
     * lock at the moment the next one leases, the last one shortly after it was sent.
     */
    private static final class RefusingPoolTransport extends BulkTestTransport {

        // a daemon: a deadlocked I/O thread must not keep the test JVM alive
        final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "io-reactor");
            thread.setDaemon(true);
            return thread;
        });
        private final ReentrantLock pool = new ReentrantLock();
        private final AtomicReference<CompletableFuture<?>> unanswered = new AtomicReference<>();
        final AtomicInteger requests = new AtomicInteger();

        @Override
        public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
                RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
            requests.incrementAndGet();
            CompletableFuture<ResponseT> answer = new CompletableFuture<>();
            CompletableFuture<?> earlier = unanswered.getAndSet(answer);
            if (earlier != null) {
                CountDownLatch ioHoldsThePool = new CountDownLatch(1);
                io.execute(() -> refuseUnderThePoolLock(earlier, ioHoldsThePool));
                await(ioHoldsThePool);
            }
            pool.lock(); // leasing a connection
            pool.unlock();
            io.execute(() -> {
                sleep(50);
                if (unanswered.compareAndSet(answer, null)) {
                    refuseUnderThePoolLock(answer, new CountDownLatch(1));
                }
            });
            return answer;
        }

        private void refuseUnderThePoolLock(CompletableFuture<?> request, CountDownLatch holding) {
            pool.lock();
            try {
                holding.countDown();
                request.completeExceptionally(new ConnectException("Connection refused"));
            } finally {
                pool.unlock();
            }
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
