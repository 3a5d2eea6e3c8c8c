package org.loredigest.classify.domain.summary.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat-completions endpoint (DeepSeek, Qwen, OpenAI, vLLM, Ollama's {@code /v1},
 * llama.cpp's {@code llama-server}).
 *
 * @param baseUrl          up to and including {@code /v1}; {@code /chat/completions} is appended
 * @param apiKey           sent as a bearer token; empty for local servers
 * @param model            model name sent with every request
 * @param temperature      sampling temperature; low, since the answer must stay close to the mail
 * @param timeout          per request, for the whole answer
 * @param maxTokens        upper bound of the answer's tokens
 * @param concurrency      requests in flight at once
 * @param dailyTokenBudget tokens (prompt and answer) spent per UTC day before the summariser stops asking
 * @param stream           ask for server-sent events instead of one JSON answer
 * @param maxAttempts      tries of one request when the provider answers 429, 5xx or not at all in time
 * @param initialBackoff   wait before the second try when the provider gives no Retry-After; doubles per try
 */
public record LlmSettings(URI baseUrl, String apiKey, String model, double temperature, Duration timeout, int maxTokens,
                          int concurrency, long dailyTokenBudget, boolean stream, int maxAttempts, Duration initialBackoff) {

    public LlmSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = apiKey == null ? "" : apiKey;
        model = model == null || model.isBlank() ? "default" : model;
        if (concurrency < 1 || maxAttempts < 1 || maxTokens < 1) {
            throw new IllegalArgumentException("concurrency, max-attempts and max-tokens must be at least 1");
        }
    }

    /** The chat-completions endpoint under the base URL (a trailing slash on the base is allowed). */
    public URI completionsUri() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }
}
