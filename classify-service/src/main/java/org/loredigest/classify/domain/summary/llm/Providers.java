package org.loredigest.classify.domain.summary.llm;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Known OpenAI-compatible providers: where they listen and which model to ask when none is configured, so one
 * setting ({@code LORE_SUMMARY_LLM_PROVIDER=deepseek}) is enough besides a hosted provider's key.
 */
public final class Providers {

    /** A provider's endpoint and default model. */
    public record Provider(URI baseUrl, String model) {
    }

    private static final Map<String, Provider> KNOWN = Map.of(
            "deepseek", new Provider(URI.create("https://api.deepseek.com/v1"), "deepseek-chat"),
            "qwen", new Provider(URI.create("https://dashscope.aliyuncs.com/compatible-mode/v1"), "qwen-plus"),
            "openai", new Provider(URI.create("https://api.openai.com/v1"), "gpt-4o-mini"),
            "ollama", new Provider(URI.create("http://127.0.0.1:11434/v1"), "qwen2.5:7b"),
            "llama-server", new Provider(URI.create("http://127.0.0.1:8080/v1"), "default"));

    private Providers() {
    }

    public static Optional<Provider> named(String name) {
        return Optional.ofNullable(KNOWN.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    public static java.util.Set<String> names() {
        return new java.util.TreeSet<>(KNOWN.keySet());
    }
}
