package org.loredigest.classify.domain.summary.llm;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.summary.EvidencePack;
import org.loredigest.events.ThreadClassified.Summary;
import org.loredigest.events.ThreadSummarised;

/**
 * Runs the language model off the hot path: threads are queued as they are drafted, newest content per thread
 * only (a thread that grows while waiting is summarised once, in its latest state), and handed to a small pool of
 * its own. An answer already cached for the same content hash is published again without asking the model, so a
 * replay costs nothing. When the queue is full the oldest waiting thread is dropped: it keeps its extractive
 * summary until its next change.
 */
public final class SummaryWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SummaryWorker.class);

    /** One thread to summarise: its text, its labels and the extractive summary to fall back on. */
    public record Job(EvidencePack pack, Classification labels, Summary extractive) {
    }

    private final LlmSummariser llm;
    private final SummaryCache cache;
    private final Consumer<ThreadSummarised> sink;
    private final int queueLimit;
    private final Clock clock;
    private final Map<String, Job> waiting = new LinkedHashMap<>();
    private final Map<String, String> published = new LinkedHashMap<>();
    private final ExecutorService pool;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closed;

    public SummaryWorker(LlmSummariser llm, SummaryCache cache, Consumer<ThreadSummarised> sink, int threads,
                         int queueLimit, Clock clock) {
        this.llm = llm;
        this.cache = cache;
        this.sink = sink;
        this.queueLimit = queueLimit;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("llm-summary-", 0).daemon().factory());
        for (int i = 0; i < threads; i++) {
            pool.execute(this::drain);
        }
    }

    /** Never blocks: the hot path only records what to summarise. */
    public void offer(Job job) {
        String threadId = job.pack().threadId();
        synchronized (waiting) {
            if (job.pack().contentHash().equals(published.get(threadId))) {
                return; // this content is already summarised and published
            }
            waiting.remove(threadId);
            waiting.put(threadId, job);
            if (waiting.size() > queueLimit) {
                Iterator<String> oldest = waiting.keySet().iterator();
                oldest.next();
                oldest.remove();
                dropped.incrementAndGet();
            }
            waiting.notifyAll();
        }
    }

    public long dropped() {
        return dropped.get();
    }

    public long failed() {
        return failed.get();
    }

    public int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    private void drain() {
        while (!closed) {
            Job job;
            synchronized (waiting) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        waiting.wait(1_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                Iterator<Map.Entry<String, Job>> first = waiting.entrySet().iterator();
                job = first.next().getValue();
                first.remove();
            }
            try {
                summarise(job);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (LlmUnavailableException | RuntimeException e) {
                failed.incrementAndGet();
                LOG.warnf("thread %s keeps its extractive summary: %s", job.pack().threadId(), e.getMessage());
            }
        }
    }

    private void summarise(Job job) throws LlmUnavailableException, InterruptedException {
        EvidencePack pack = job.pack();
        ThreadSummarised result = cache.get(pack.contentHash()).map(hit -> forThread(hit, pack.threadId())).orElse(null);
        if (result == null) {
            LlmSummariser.Refined refined = llm.refine(pack, job.labels(), job.extractive());
            result = new ThreadSummarised(pack.threadId(), pack.contentHash(), refined.summary(), llm.model(),
                    refined.fallbackFields(), refined.promptTokens(), refined.completionTokens(), clock.instant());
            cache.put(result);
        }
        sink.accept(result);
        synchronized (waiting) {
            published.remove(pack.threadId());
            published.put(pack.threadId(), pack.contentHash());
            if (published.size() > cache.capacity()) {
                published.remove(published.keySet().iterator().next());
            }
        }
    }

    /** The same content can sit under two thread ids (a revision re-homed): the answer is reused, re-keyed. */
    private static ThreadSummarised forThread(ThreadSummarised hit, String threadId) {
        return hit.threadId().equals(threadId) ? hit : new ThreadSummarised(threadId, hit.contentHash(), hit.summary(),
                hit.model(), hit.fallbackFields(), hit.promptTokens(), hit.completionTokens(), hit.summarisedAt());
    }

    @Override
    public void close() {
        closed = true;
        synchronized (waiting) {
            waiting.notifyAll();
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
