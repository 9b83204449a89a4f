package io.wxbind.rest;

import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.db.DatabaseOutage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception leaving a resource becomes {@link ErrorBody} JSON: client errors keep their
 * status with a plain message; a database outage is a 503 {@code database_unavailable} with
 * {@code Retry-After}; anything unexpected is logged and answered with a 500 that reveals nothing.
 */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(JsonExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            int status = wae.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String reason = type != null ? type.getReasonPhrase() : "Request refused";
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody("http_" + status, reason + ".")).build();
        }
        Optional<String> outage = DatabaseOutage.in(exception);
        if (outage.isPresent()) {
            LOG.warning(() -> "database unavailable, API answered 503: " + outage.get());
            FlowProblem problem = FlowProblem.DATABASE_UNAVAILABLE;
            return Response.status(problem.status()).type(MediaType.APPLICATION_JSON)
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
                    .entity(new ErrorBody(problem.code(), problem.message())).build();
        }
        LOG.log(Level.SEVERE, "unhandled API error", exception);
        return Response.serverError().type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("internal_error", "Something went wrong on our side. Nothing was changed.")).build();
    }
}
