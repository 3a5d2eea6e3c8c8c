package org.loredigest.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "lore.ingest")
public interface IngestConfig {

    /** Messages larger than this are dead-lettered instead of published. */
    @WithDefault("10485760")
    int maxMessageBytes();

    /**
     * Key required in the {@code X-Api-Key} header of write requests (env {@code LORE_INGEST_API_KEY}). Without one,
     * write requests are accepted from loopback addresses only.
     */
    Optional<String> apiKey();

    /** Sources to follow, by name: {@code lore.ingest.sources.<name>.type/list/url/...}. */
    Map<String, Source> sources();

    /** Where git sources keep their epoch mirrors (a cache: deleting it costs a clone, never a message). */
    @WithDefault("${java.io.tmpdir}/lore-ingest/git")
    Path gitDir();

    /** Prefix of the Kafka transactional ids of sources ({@code PREFIX-<source>}); one per deployment. */
    @WithDefault("lore-ingest")
    String transactionalIdPrefix();

    Batch batch();

    Dedup dedup();

    Http http();

    Gzip gzip();

    Health health();

    /** Where sources may read from: {@code lore.ingest.source-policy.*}. */
    SourcePolicy sourcePolicy();

    interface SourcePolicy {
        /** Hosts (names or IP literals) source URLs may name and redirects may lead to. */
        @WithDefault("lore.kernel.org")
        Set<String> allowedHosts();

        /** Allow hosts that are, or resolve to, loopback addresses (a public-inbox on this machine). */
        @WithDefault("false")
        boolean allowLoopback();

        /** Allow hosts in private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7). */
        @WithDefault("false")
        boolean allowPrivateNetworks();

        /** The folder {@code dir} sources must lie in (symbolic links resolved); without it, dir sources are refused. */
        Optional<Path> dirRoot();
    }

    interface Health {
        /** A source failing this many polls in a row makes the readiness check DOWN. */
        @WithDefault("3")
        int failuresThreshold();
    }

    interface Source {
        /** git, dir or http. */
        String type();

        /** Short lore list name, e.g. linux-mm. */
        String list();

        /** Inbox URL (https://lore.kernel.org/linux-mm/, http may add ?q=QUERY) or, for dir, the mirror directory. */
        String url();

        @WithDefault("PT1M")
        Duration pollInterval();

        /** http: first day to backfill with search exports; without it only new mail is followed. */
        Optional<LocalDate> since();

        @WithDefault("true")
        boolean enabled();
    }

    interface Batch {
        /** Records per Kafka transaction (each commits a checkpoint). */
        @WithDefault("1000")
        int size();

        /** A transaction is committed at the next message after this long. */
        @WithDefault("PT1S")
        Duration maxAge();

        /** Longest wait between polls of a failing source. */
        @WithDefault("PT15M")
        Duration maxBackoff();
    }

    interface Dedup {
        /** Recently published keys remembered to recognise copies. */
        @WithDefault("200000")
        int capacity();

        /** Records per partition of the received topic read back at start-up to refill the memory. */
        @WithDefault("10000")
        int warmUpRecords();
    }

    interface Http {
        @WithDefault("lore-digest-ingest/0.1 (+https://github.com/loredigest/lore-digest; kernel list digests)")
        String userAgent();

        /** Requests started per second towards lore, over all sources. */
        @WithDefault("1.0")
        double requestsPerSecond();

        @WithDefault("6")
        int maxAttempts();

        @WithDefault("PT2S")
        Duration firstBackoff();

        @WithDefault("PT10M")
        Duration maxBackoff();

        @WithDefault("PT2M")
        Duration timeout();

        /** Time span of one search export during a backfill. */
        @WithDefault("P1D")
        Duration backfillWindow();
    }

    interface Gzip {
        /** Largest decompressed size of one gzip input (upload, file, export). */
        @WithDefault("4294967296")
        long maxDecompressedBytes();

        /** Largest decompressed/compressed ratio; mail compresses 4-10x, bombs 1000x. */
        @WithDefault("100")
        double maxRatio();
    }
}
