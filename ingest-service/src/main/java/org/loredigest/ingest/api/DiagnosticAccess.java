package org.loredigest.ingest.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.loredigest.events.http.WriteAccess;
import org.loredigest.ingest.IngestConfig;

/**
 * Who may read diagnostic detail such as a source's last error, which can name hosts, addresses, local paths and
 * what a server answered: the callers that may also write (the API key, or this host while no key is configured).
 * Everyone else still sees each source's state and failure count.
 */
@ApplicationScoped
public class DiagnosticAccess {

    private final WriteAccess access;

    public DiagnosticAccess(IngestConfig config) {
        this.access = new WriteAccess(config.apiKey(), ApiKeyFilter.KEY_SETTING);
    }

    public boolean allows(HttpServerRequest http, String givenKey) {
        String remote = http == null || http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return access.check("POST", remote, givenKey).isEmpty();
    }
}
