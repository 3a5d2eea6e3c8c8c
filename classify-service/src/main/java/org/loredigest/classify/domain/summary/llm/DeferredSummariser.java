package org.loredigest.classify.domain.summary.llm;

import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.summary.EvidencePack;
import org.loredigest.classify.domain.summary.Summariser;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.events.ThreadClassified.Summary;

/**
 * The summariser on the hot path when a language model is configured: answers at once with the extractive fields,
 * and queues the thread for the model, whose grounded fields follow on their own topic. The pipeline's throughput
 * and freshness never wait for the provider.
 */
public final class DeferredSummariser implements Summariser {

    private final Summariser extractive;
    private final SummaryWorker worker;

    public DeferredSummariser(Summariser extractive, SummaryWorker worker) {
        this.extractive = extractive;
        this.worker = worker;
    }

    @Override
    public String name() {
        return extractive.name();
    }

    @Override
    public Summary summarise(ThreadView thread, Classification labels) {
        EvidencePack pack = EvidencePack.of(thread);
        Summary summary = extractive.summarise(thread, labels).withContentHash(pack.contentHash());
        worker.offer(new SummaryWorker.Job(pack, labels, summary));
        return summary;
    }
}
