package org.loredigest.classify.domain.summary;

import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.events.ThreadClassified;

/**
 * Fills the digest fields of a topic. The default, {@link ExtractiveSummariser}, quotes the sentences of the mail that
 * answer each field's question and names the message each came from. With a language model configured,
 * {@code llm.DeferredSummariser} answers with the extractive fields at once and has {@code llm.LlmSummariser} write
 * grounded prose beside the pipeline. Every implementation keeps {@code sourceMessageId} on every field it fills and
 * leaves fields {@code empty} that the thread gives no evidence for.
 */
public interface Summariser {

    /** Recorded in {@code Summary.summariser} so readers know how the fields were made. */
    String name();

    ThreadClassified.Summary summarise(ThreadView thread, Classification labels);
}
