package org.loredigest.classify.domain.summary.llm;

/**
 * What the model said and what it cost.
 *
 * @param content          the assistant message (for a streamed answer, the joined deltas)
 * @param promptTokens     as reported by the provider, else estimated from the text
 * @param completionTokens as reported by the provider, else estimated from the text
 */
public record ChatAnswer(String content, long promptTokens, long completionTokens) {

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    /** A rough count for providers that report no usage: about four characters per token. */
    static long estimateTokens(String text) {
        return text == null ? 0 : Math.max(1, text.length() / 4);
    }
}
