package org.loredigest.ingest.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.loredigest.events.http.WriteAccess;
import org.loredigest.ingest.IngestConfig;

/**
 * Write requests (anything but GET, HEAD and OPTIONS) need the header {@value #HEADER} equal to
 * {@code lore.ingest.api-key}. When no key is configured, they are accepted from loopback addresses only, so a
 * local stack works without set-up and nothing is writable from the network. The rule is {@link WriteAccess}, shared
 * by every service.
 */
public class ApiKeyFilter {

    public static final String HEADER = WriteAccess.HEADER;
    static final String KEY_SETTING = "lore.ingest.api-key / LORE_INGEST_API_KEY";

    private final WriteAccess access;

    public ApiKeyFilter(IngestConfig config) {
        this.access = new WriteAccess(config.apiKey(), KEY_SETTING);
    }

    @ServerRequestFilter
    public Optional<Response> requireKeyForWrites(ContainerRequestContext request, HttpServerRequest http) {
        String remote = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return access.check(request.getMethod(), remote, request.getHeaderString(HEADER))
                .map(refusal -> Response.status(refusal.status()).type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("error", refusal.message())).build());
    }
}
