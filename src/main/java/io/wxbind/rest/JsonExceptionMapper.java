package io.wxbind.rest;

import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.auth.WeChatActivation;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.db.DatabaseOutage;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception leaving one of WxBind's resources becomes {@link ErrorBody} JSON: client errors
 * keep their status with a plain message; a database outage is a 503 {@code database_unavailable}
 * with {@code Retry-After}; anything unexpected is logged and answered with a 500 that reveals nothing.
 * <p>
 * Scanning puts this mapper into a host portal's JAX-RS application too, where it must not
 * reshape the host's answers ({@link #answersFor}): there a {@link WebApplicationException} keeps
 * its own response and anything else becomes a bodiless 500, which the container renders with the
 * host's error page, as it would without the mapper.
 */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(JsonExceptionMapper.class.getName());

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(Throwable exception) {
        if (!answersFor(matchedResource(), defined(), sharesLogin())) {
            return hostAnswer(exception);
        }
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
            LoginProblem problem = FlowProblem.DATABASE_UNAVAILABLE;
            return Response.status(problem.status()).type(MediaType.APPLICATION_JSON)
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
                    .entity(new ErrorBody(problem.code(), problem.message())).build();
        }
        LOG.log(Level.SEVERE, "unhandled API error", exception);
        return Response.serverError().type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("internal_error", "Something went wrong on our side. Nothing was changed.")).build();
    }

    /**
     * WxBind shapes the answer when WxBind is on and either the request reached one of its own
     * resources, or WxBind is the application's only login (the WAR is WxBind's: every answer is
     * its own, also a 404 or 405 that matched no resource).
     */
    static boolean answersFor(Class<?> matched, boolean defined, boolean sharesLogin) {
        if (!defined) {
            return false;
        }
        if (matched != null) {
            return OwnClasses.isOwn(matched);
        }
        return !sharesLogin;
    }

    /** What the host's JAX-RS runtime would answer without this mapper. */
    static Response hostAnswer(Throwable exception) {
        if (exception instanceof WebApplicationException wae) {
            return wae.getResponse();
        }
        LOG.log(Level.SEVERE, "unhandled error in the application's own resource", exception);
        return Response.serverError().build();
    }

    private Class<?> matchedResource() {
        try {
            return resource == null ? null : resource.getResourceClass();
        } catch (RuntimeException e) {
            return null; // no request matched (the proxy has nothing behind it)
        }
    }

    private static boolean defined() {
        return CDI.current().select(WeChatActivation.class).get().defined();
    }

    private static boolean sharesLogin() {
        return CDI.current().select(WeChatActivation.class).get().sharesLogin();
    }
}
