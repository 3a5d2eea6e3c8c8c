package org.loredigest.ingest.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.loredigest.ingest.domain.SinkFailedException;
import org.loredigest.ingest.domain.source.SourceRefusedException;
import org.loredigest.ingest.runtime.SourceExistsException;

/** Errors as JSON with a message a person can act on. */
public class ErrorMapper {

    @ServerExceptionMapper
    public Response clientError(WebApplicationException e) {
        return json(e.getResponse().getStatus(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response notStored(SinkFailedException e) {
        return json(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response badInput(IllegalArgumentException e) {
        return json(Response.Status.BAD_REQUEST.getStatusCode(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response refused(SourceRefusedException e) {
        return json(Response.Status.FORBIDDEN.getStatusCode(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(SourceExistsException e) {
        return json(Response.Status.CONFLICT.getStatusCode(), e.getMessage());
    }

    private static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
