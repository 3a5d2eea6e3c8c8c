package org.loredigest.report.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.loredigest.events.http.WriteAccess;
import org.loredigest.report.ReportConfig;

/**
 * Write requests (making a weekly digest now, and anything else but GET, HEAD and OPTIONS) need the header
 * {@value #HEADER} equal to {@code lore.report.api-key}; without a configured key they are accepted from loopback
 * addresses only. Same rule as ingest-service ({@link WriteAccess}).
 */
public class ApiKeyFilter {

    public static final String HEADER = WriteAccess.HEADER;

    private final WriteAccess access;

    public ApiKeyFilter(ReportConfig config) {
        this.access = new WriteAccess(config.apiKey(), "lore.report.api-key / LORE_REPORT_API_KEY");
    }

    @ServerRequestFilter
    public Optional<Response> requireKeyForWrites(ContainerRequestContext request, HttpServerRequest http) {
        String remote = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return access.check(request.getMethod(), remote, request.getHeaderString(HEADER))
                .map(refusal -> Response.status(refusal.status()).type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("error", refusal.message())).build());
    }
}
