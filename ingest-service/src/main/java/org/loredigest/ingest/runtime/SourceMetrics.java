package org.loredigest.ingest.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import org.loredigest.ingest.domain.source.SourceStats;

/**
 * Per-source meters, read from the source's live counters: {@code lore_ingest_source_messages_total{source,outcome}}
 * (published, duplicate, dead-lettered, skipped), {@code lore_ingest_source_lag}, {@code
 * lore_ingest_source_messages_per_second} and {@code lore_ingest_source_consecutive_failures}.
 */
@ApplicationScoped
public class SourceMetrics {

    private final MeterRegistry registry;

    public SourceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(SourceStats stats) {
        Tags tags = Tags.of("source", stats.spec().name(), "list", stats.spec().list(), "type", stats.spec().type().id());
        counter(stats, tags, "published", SourceStats::published);
        counter(stats, tags, "duplicate", SourceStats::duplicates);
        counter(stats, tags, "dead-lettered", SourceStats::deadLetteredCount);
        counter(stats, tags, "skipped", SourceStats::skippedCount);
        Gauge.builder("lore.ingest.source.lag", stats, SourceStats::lag).tags(tags)
                .description("entries known at the remote and not yet read (-1: unknown)").register(registry);
        Gauge.builder("lore.ingest.source.messages.per.second", stats, SourceStats::messagesPerSecond).tags(tags)
                .description("publishing rate of the last poll that published").register(registry);
        Gauge.builder("lore.ingest.source.consecutive.failures", stats, SourceStats::consecutiveFailures).tags(tags)
                .description("polls failed in a row").register(registry);
    }

    private void counter(SourceStats stats, Tags tags, String outcome,
                         java.util.function.ToDoubleFunction<SourceStats> value) {
        FunctionCounter.builder("lore.ingest.source.messages", stats, value).tags(tags.and("outcome", outcome))
                .description("entries read by the source, by outcome").register(registry);
    }
}
