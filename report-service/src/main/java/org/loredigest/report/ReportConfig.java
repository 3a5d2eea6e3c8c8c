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

    /**
     * Largest bulk request sent to Elasticsearch, in bytes of serialised documents plus their action lines; a batch
     * larger than that goes as several requests. Elasticsearch works best with requests of a few MB.
     */
    @WithDefault("5242880")
    long bulkMaxBytes();

    /** How the search refresh of lore-mails and lore-topics is relaxed while a backlog is indexed. */
    Backfill backfill();

    interface Backfill {

        /** A consumed batch of at least this many records counts as backlog. */
        @WithDefault("200")
        int largeBatch();

        /**
         * A batch whose freshest record was written longer ago than this is backlog whatever its size (the mail was
         * read from the archives that long before); 0: by size only.
         */
        @WithDefault("PT20S")
        Duration backlogLag();

        /**
         * While relaxed, a small batch whose freshest record is at most this old means the consumer caught up: the
         * interval is restored. An older small batch keeps it relaxed (the consumer is still behind). 0: any small batch.
         */
        @WithDefault("PT5S")
        Duration caughtUpLag();

        /** Backlog batches in a row that relax the refresh interval (one large batch alone is no backfill). */
        @WithDefault("2")
        int largeBatchesToRelax();

        /** The refresh interval while relaxed (Elasticsearch time unit). */
        @WithDefault("30s")
        String relaxedRefreshInterval();

        /** No batch for this long while relaxed: the consumer caught up, restore the normal interval. */
        @WithDefault("PT10S")
        Duration idleRestoreAfter();
    }
}
