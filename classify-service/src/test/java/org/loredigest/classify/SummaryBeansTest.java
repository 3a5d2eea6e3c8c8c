package org.loredigest.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.summary.llm.LlmSettings;

/** One variable per provider switches the model on; nothing set leaves it off. */
class SummaryBeansTest {

    @Test
    void nothingSetMeansExtractiveOnly() {
        assertThat(SummaryBeans.settings(config(null, null, null))).isEmpty();
    }

    @Test
    void aProviderAloneNamesTheEndpointAndModel() {
        LlmSettings ollama = SummaryBeans.settings(config("ollama", null, null)).orElseThrow();
        assertThat(ollama.completionsUri()).isEqualTo(URI.create("http://127.0.0.1:11434/v1/chat/completions"));
        assertThat(ollama.model()).isEqualTo("qwen2.5:7b");

        LlmSettings deepseek = SummaryBeans.settings(config("DeepSeek", null, null)).orElseThrow();
        assertThat(deepseek.completionsUri()).isEqualTo(URI.create("https://api.deepseek.com/v1/chat/completions"));
        assertThat(deepseek.model()).isEqualTo("deepseek-chat");
    }

    @Test
    void aBaseUrlAloneIsEnoughAndOverridesThePreset() {
        LlmSettings vllm = SummaryBeans.settings(config(null, "http://127.0.0.1:8000/v1/", "my-model")).orElseThrow();
        assertThat(vllm.completionsUri()).isEqualTo(URI.create("http://127.0.0.1:8000/v1/chat/completions"));
        assertThat(vllm.model()).isEqualTo("my-model");
    }

    @Test
    void anUnknownProviderIsRefusedByName() {
        assertThatThrownBy(() -> SummaryBeans.settings(config("gemini", null, null)))
                .hasMessageContaining("unknown provider gemini").hasMessageContaining("llama-server");
    }

    private static SummaryConfig config(String provider, String baseUrl, String model) {
        return new SummaryConfig() {
            public Optional<String> provider() { return Optional.ofNullable(provider); }
            public Optional<URI> baseUrl() { return Optional.ofNullable(baseUrl).map(URI::create); }
            public Optional<String> apiKey() { return Optional.empty(); }
            public Optional<String> model() { return Optional.ofNullable(model); }
            public double temperature() { return 0.2; }
            public Duration timeout() { return Duration.ofSeconds(90); }
            public int maxTokens() { return 1500; }
            public int concurrency() { return 2; }
            public long dailyTokenBudget() { return 0; }
            public boolean stream() { return false; }
            public int maxAttempts() { return 3; }
            public Duration initialBackoff() { return Duration.ofSeconds(2); }
            public int queueLimit() { return 10; }
            public int cacheSize() { return 10; }
        };
    }
}
