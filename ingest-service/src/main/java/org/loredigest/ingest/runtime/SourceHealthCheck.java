package org.loredigest.ingest.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.loredigest.ingest.domain.source.SourceRunner;
import org.loredigest.ingest.domain.source.SourceStats;

/**
 * DOWN while any source has failed {@code lore.ingest.health.failures-threshold} polls in a row; names them. The
 * health endpoints need no key, so the error itself is left to {@code GET /api/sources/NAME} with the key.
 */
@Readiness
@ApplicationScoped
public class SourceHealthCheck implements HealthCheck {

    private final SourceManager sources;

    public SourceHealthCheck(SourceManager sources) {
        this.sources = sources;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("lore sources").up();
        for (SourceRunner runner : sources.sources()) {
            SourceStats stats = runner.stats();
            var status = stats.snapshot();
            if (stats.consecutiveFailures() >= sources.failuresThreshold()) {
                response.down();
                response.withData(status.name(), "failing " + status.consecutiveFailures()
                        + " polls in a row; GET /api/sources/" + status.name() + " with the API key shows the error");
            } else {
                response.withData(status.name(), status.state());
            }
        }
        return response.build();
    }
}
