package org.loredigest.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.summary.ExtractiveSummariser;
import org.loredigest.classify.domain.summary.Summariser;
import org.loredigest.classify.domain.summary.llm.ChatClient;
import org.loredigest.classify.domain.summary.llm.DeferredSummariser;
import org.loredigest.classify.domain.summary.llm.LlmSettings;
import org.loredigest.classify.domain.summary.llm.LlmSummariser;
import org.loredigest.classify.domain.summary.llm.Providers;
import org.loredigest.classify.domain.summary.llm.SummaryCache;
import org.loredigest.classify.domain.summary.llm.SummaryWorker;
import org.loredigest.classify.domain.summary.llm.TokenBudget;
import org.loredigest.classify.kafka.SummarisedTopic;

/** Chooses the summariser: extractive alone, or extractive on the hot path plus the language model behind it. */
@ApplicationScoped
public class SummaryBeans {

    private static final Logger LOG = Logger.getLogger(SummaryBeans.class);

    private SummaryWorker worker;
    private SummarisedTopic topic;

    @Produces
    @ApplicationScoped
    public Summariser summariser(SummaryConfig config, ObjectMapper json,
                                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        Summariser extractive = new ExtractiveSummariser();
        Optional<LlmSettings> settings = settings(config);
        if (settings.isEmpty()) {
            LOG.info("summaries: extractive (set LORE_SUMMARY_LLM_PROVIDER or LORE_SUMMARY_LLM_BASE_URL for a language model)");
            return extractive;
        }
        LlmSettings s = settings.get();
        SummaryCache cache = new SummaryCache(config.cacheSize());
        int cached = SummarisedTopic.load(bootstrapServers, json, cache, Duration.ofSeconds(30));
        topic = new SummarisedTopic(bootstrapServers, json);
        LlmSummariser llm = new LlmSummariser(new ChatClient(s, json, new TokenBudget(s.dailyTokenBudget(), Clock.systemUTC())),
                extractive, json);
        worker = new SummaryWorker(llm, cache, topic, s.concurrency(), config.queueLimit(), Clock.systemUTC());
        LOG.infof("summaries: extractive now, %s from %s behind it (%d cached answers)", llm.name(), s.baseUrl(), cached);
        return new DeferredSummariser(extractive, worker);
    }

    /** The endpoint from the provider preset and the explicit settings; empty when neither names one. */
    static Optional<LlmSettings> settings(SummaryConfig config) {
        Optional<Providers.Provider> preset = config.provider().filter(p -> !p.isBlank()).map(name -> Providers.named(name)
                .orElseThrow(() -> new IllegalArgumentException("lore.summary.llm.provider: unknown provider " + name
                        + ", known: " + Providers.names())));
        Optional<java.net.URI> base = config.baseUrl().or(() -> preset.map(Providers.Provider::baseUrl));
        if (base.isEmpty()) {
            return Optional.empty();
        }
        String model = config.model().filter(m -> !m.isBlank()).or(() -> preset.map(Providers.Provider::model)).orElse("default");
        return Optional.of(new LlmSettings(base.get(), config.apiKey().orElse(""), model, config.temperature(),
                config.timeout(), config.maxTokens(), config.concurrency(), config.dailyTokenBudget(), config.stream(),
                config.maxAttempts(), config.initialBackoff()));
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.close();
        }
        if (topic != null) {
            topic.close();
        }
    }
}
