package org.loredigest.events;

import java.time.Instant;
import java.util.List;

/**
 * A topic's digest fields as a language model wrote them, grounded in the thread's messages and checked before
 * publication. Value of {@link Topics#THREAD_SUMMARISED} (compacted), keyed by {@link #threadId()}. It refines the
 * extractive {@link ThreadClassified#summary()} of the same thread only while that summary's
 * {@code contentHash} equals {@link #contentHash()}: a new reply makes it stale until the next one arrives.
 *
 * @param threadId         the topic (same key as {@link Topics#THREAD_CLASSIFIED})
 * @param contentHash      SHA-256 of the thread's essential text the fields were made from
 * @param summary          the fields; {@code summary.summariser} names the model, fields the model could not
 *                         support with checked evidence hold the extractive text instead
 * @param model            the model that answered, as the provider named it in the request
 * @param fallbackFields   names of the fields that kept the extractive text (rejected twice, or left empty)
 * @param promptTokens     tokens of the prompts sent (every try)
 * @param completionTokens tokens of the answers
 * @param summarisedAt     when the answer was accepted
 */
public record ThreadSummarised(String threadId, String contentHash, ThreadClassified.Summary summary, String model,
                               List<String> fallbackFields, long promptTokens, long completionTokens,
                               Instant summarisedAt) {

    public ThreadSummarised {
        fallbackFields = fallbackFields == null ? List.of() : List.copyOf(fallbackFields);
    }
}
