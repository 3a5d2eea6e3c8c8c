package org.loredigest.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "lore.report")
public interface ReportConfig {

    /** Longest digest period accepted, in days. */
    @WithDefault("92")
    int maxPeriodDays();

    /** How long a batch is retried while Elasticsearch is unavailable before the consumer gives up. */
    @WithDefault("PT10M")
    Duration indexRetryFor();

    /** When weekly digests are made (Quarkus cron, UTC); each covers the previous Monday..Sunday. */
    @WithDefault("0 0 6 ? * MON")
    String weeklyCron();

    /** Lists each weekly digest covers (empty: all lists). */
    java.util.Optional<java.util.List<String>> weeklyLists();

    /** Public base URL of this service, for links in the Atom feed. */
    @WithDefault("http://localhost:8083")
    String publicUrl();

    /**
     * Key required in the {@code X-Api-Key} header of write requests (env {@code LORE_REPORT_API_KEY}). Without one,
     * write requests are accepted from loopback addresses only.
     */
    java.util.Optional<String> apiKey();
}
