package org.loredigest.ingest.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.loredigest.ingest.IngestConfig;
import org.loredigest.ingest.domain.source.SourcePolicy;
import org.loredigest.ingest.domain.source.SourceReader;
import org.loredigest.ingest.domain.source.SourceSpec;
import org.loredigest.ingest.domain.source.SourceType;
import org.loredigest.ingest.source.git.GitEpochReader;
import org.loredigest.ingest.source.http.LoreHttpReader;
import org.loredigest.ingest.source.http.PoliteHttp;

/**
 * Builds the reader for a source spec; owns the source policy and the one polite HTTP client all sources share,
 * which checks every request and redirect hop against that policy.
 */
@ApplicationScoped
public class SourceFactory {

    private final IngestConfig config;
    private final ObjectMapper json;
    private final SourcePolicy policy;
    private final PoliteHttp http;

    public SourceFactory(IngestConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        IngestConfig.SourcePolicy p = config.sourcePolicy();
        this.policy = new SourcePolicy(new SourcePolicy.Settings(p.allowedHosts(), p.allowLoopback(),
                p.allowPrivateNetworks(), p.dirRoot().orElse(null)), SourcePolicy.DNS);
        IngestConfig.Http h = config.http();
        // redirects are followed by PoliteHttp, which checks each hop against the policy
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.http = new PoliteHttp(client, policy::checkRequest, h.userAgent(), h.requestsPerSecond(), h.maxAttempts(),
                h.firstBackoff(), h.maxBackoff(), h.timeout(), d -> Thread.sleep(d), Clock.systemUTC());
    }

    public SourcePolicy policy() {
        return policy;
    }

    public SourceReader reader(SourceSpec spec) {
        return switch (spec.type()) {
            case GIT -> GitEpochReader.remote(spec.inboxUrl(), mirrorDir(spec), http, json, config.maxMessageBytes());
            case DIR -> GitEpochReader.local(Path.of(spec.url()), dir -> policy.confinedDir(dir.toString()),
                    config.maxMessageBytes());
            case HTTP -> new LoreHttpReader(spec, http, Clock.systemUTC(), new LoreHttpReader.Limits(
                    config.http().backfillWindow(), config.maxMessageBytes(), config.gzip().maxDecompressedBytes(),
                    config.gzip().maxRatio()));
        };
    }

    /** The cursor a new source starts from: for http with a start day, the backfill begins there. */
    public Map<String, String> initialCursor(SourceSpec spec) {
        return spec.type() == SourceType.HTTP && spec.since() != null ? LoreHttpReader.startingAt(spec.since()) : Map.of();
    }

    private Path mirrorDir(SourceSpec spec) {
        return config.gitDir().resolve(spec.name());
    }
}
