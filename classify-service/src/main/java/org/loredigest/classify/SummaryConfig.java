package org.loredigest.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The optional language-model summariser ({@code lore.summary.llm.*}). Off unless a provider preset or a base URL is
 * set; then topics keep their extractive summary on the hot path and get a grounded one on
 * {@code lore.thread.summarised.v1} as the model answers.
 */
@ConfigMapping(prefix = "lore.summary.llm")
public interface SummaryConfig {

    /** {@code deepseek}, {@code qwen}, {@code openai}, {@code ollama} or {@code llama-server}: base URL and model defaults. */
    Optional<String> provider();

    /** OpenAI-compatible endpoint up to {@code /v1}; overrides the provider's. */
    Optional<URI> baseUrl();

    Optional<String> apiKey();

    /** Overrides the provider's default model. */
    Optional<String> model();

    @WithDefault("0.2")
    double temperature();

    @WithDefault("PT90S")
    Duration timeout();

    @WithDefault("1500")
    int maxTokens();

    /** Requests in flight at once (and worker threads). */
    @WithDefault("2")
    int concurrency();

    /** Prompt and answer tokens per UTC day; 0 = no limit. */
    @WithDefault("2000000")
    long dailyTokenBudget();

    @WithDefault("false")
    boolean stream();

    @WithDefault("3")
    int maxAttempts();

    @WithDefault("PT2S")
    Duration initialBackoff();

    /** Threads waiting for the model; beyond it the oldest waits for its next change. */
    @WithDefault("5000")
    int queueLimit();

    /** Accepted answers kept in memory by content hash. */
    @WithDefault("50000")
    int cacheSize();
}
