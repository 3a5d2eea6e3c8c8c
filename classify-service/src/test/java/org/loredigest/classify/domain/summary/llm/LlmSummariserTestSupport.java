package org.loredigest.classify.domain.summary.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.loredigest.testkit.ChatCompletionsServer;

final class LlmSummariserTestSupport {

    private LlmSummariserTestSupport() {
    }

    /** Waits until the condition holds, failing after the limit. */
    static void within(java.time.Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(20);
        }
    }

    static ChatCompletionsServer server() {
        try {
            return new ChatCompletionsServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
