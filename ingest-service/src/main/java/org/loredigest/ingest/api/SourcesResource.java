package org.loredigest.ingest.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.loredigest.ingest.domain.source.SourceRunner;
import org.loredigest.ingest.domain.source.SourceSpec;
import org.loredigest.ingest.domain.source.SourceStatus;
import org.loredigest.ingest.domain.source.SourceType;
import org.loredigest.ingest.runtime.SourceManager;

/**
 * The sources this instance follows: read freely (error messages only with the API key, see {@link DiagnosticAccess}),
 * changed with the API key. A new source must pass the source policy (lore hosts only by default, {@code dir} inside
 * its root) before anything is connected to or read: refused with 403 and the reason.
 */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {

    /**
     * A source to add.
     *
     * @param name         unique name
     * @param type         git, dir or http
     * @param list         lore list name
     * @param url          inbox URL or mirror directory
     * @param pollInterval ISO-8601 duration, default PT1M
     * @param since        http: first day to backfill (yyyy-mm-dd), optional
     */
    public record NewSource(String name, String type, String list, String url, String pollInterval, String since) {
    }

    private final SourceManager sources;
    private final DiagnosticAccess diagnostics;

    public SourcesResource(SourceManager sources, DiagnosticAccess diagnostics) {
        this.sources = sources;
        this.diagnostics = diagnostics;
    }

    @GET
    public List<SourceStatus> list(@HeaderParam(ApiKeyFilter.HEADER) String key, @Context HttpServerRequest http) {
        boolean full = diagnostics.allows(http, key);
        return sources.sources().stream().map(r -> shown(r.stats().snapshot(), full))
                .sorted(Comparator.comparing(SourceStatus::name)).toList();
    }

    @GET
    @Path("/{name}")
    public SourceStatus get(@PathParam("name") String name, @HeaderParam(ApiKeyFilter.HEADER) String key,
                            @Context HttpServerRequest http) {
        return shown(runner(name).stats().snapshot(), diagnostics.allows(http, key));
    }

    private static SourceStatus shown(SourceStatus status, boolean withDiagnostics) {
        return withDiagnostics ? status : status.withoutDiagnostics();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(NewSource body) {
        if (body == null) {
            throw new BadRequestException("body must be a JSON source: {name, type, list, url, pollInterval, since}");
        }
        SourceSpec spec;
        try {
            spec = new SourceSpec(body.name(), SourceType.of(body.type()), body.list(), body.url(),
                    body.pollInterval() == null ? Duration.ofMinutes(1) : Duration.parse(body.pollInterval()),
                    body.since() == null ? null : LocalDate.parse(body.since()), SourceSpec.ORIGIN_API);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadRequestException(e.getMessage());
        }
        SourceRunner runner = sources.add(spec);
        return Response.created(URI.create("/api/sources/" + spec.name())).entity(runner.stats().snapshot()).build();
    }

    /** Polls now instead of at the next interval. */
    @POST
    @Path("/{name}/poll")
    public Response poll(@PathParam("name") String name) {
        SourceRunner runner = runner(name);
        runner.requestPoll();
        return Response.accepted(runner.stats().snapshot()).build();
    }

    /** Forgets the position and reads the source again from its start; copies are skipped as duplicates. */
    @POST
    @Path("/{name}/resync")
    public Response resync(@PathParam("name") String name) {
        SourceRunner runner = runner(name);
        runner.requestResync();
        return Response.accepted(runner.stats().snapshot()).build();
    }

    private SourceRunner runner(String name) {
        return sources.source(name).orElseThrow(() -> new NotFoundException("no source named " + name));
    }
}
