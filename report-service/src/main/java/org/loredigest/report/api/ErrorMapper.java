package org.loredigest.report.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.loredigest.report.domain.InvalidQueryException;

/** Errors as JSON with a message a person can act on. */
public class ErrorMapper {

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }
}
