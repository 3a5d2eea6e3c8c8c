package org.loredigest.ingest.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.loredigest.ingest.IngestConfig;

/**
 * Write requests (anything but GET, HEAD and OPTIONS) need the header {@value #HEADER} equal to
 * {@code lore.ingest.api-key}. When no key is configured, they are accepted from loopback addresses only, so a
 * local stack works without set-up and nothing is writable from the network.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-Api-Key";

    private final Optional<String> apiKey;

    public ApiKeyFilter(IngestConfig config) {
        this.apiKey = config.apiKey().filter(k -> !k.isBlank());
    }

    @ServerRequestFilter
    public Optional<Response> requireKeyForWrites(ContainerRequestContext request, HttpServerRequest http) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return Optional.empty();
        }
        if (apiKey.isEmpty()) {
            return isLoopback(http) ? Optional.empty() : deny(Response.Status.FORBIDDEN,
                    "write requests are accepted from this host only until an API key is configured "
                            + "(lore.ingest.api-key / LORE_INGEST_API_KEY)");
        }
        String given = request.getHeaderString(HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                apiKey.get().getBytes(StandardCharsets.UTF_8))) {
            return deny(Response.Status.UNAUTHORIZED, "write requests need the header " + HEADER + " with the API key");
        }
        return Optional.empty();
    }

    private static boolean isLoopback(HttpServerRequest http) {
        if (http.remoteAddress() == null || http.remoteAddress().hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(http.remoteAddress().hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Optional<Response> deny(Response.Status status, String message) {
        return Optional.of(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message)).build());
    }
}
