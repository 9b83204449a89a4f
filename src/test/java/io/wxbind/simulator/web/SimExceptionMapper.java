package io.wxbind.simulator.web;

import io.wxbind.simulator.control.ControlJson;
import io.wxbind.simulator.control.ControlRequestException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure leaves in the shape of the host it happened on, never as a stack trace:
 * /api → WeChat errcode JSON (40066 unknown path, 43001/43002 wrong method, 47001 bad body,
 * -1 anything else); /open → an error page; /control → {@code {"error","message"}}; /mp → the
 * bare status; simulator pages → an HTML page.
 */
@Provider
public class SimExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(SimExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ControlRequestException control) {
            return ControlJson.error(control.status(), control.code(), control.getMessage());
        }
        int status = failure instanceof WebApplicationException w ? w.getResponse().getStatus()
                : failure instanceof IllegalArgumentException ? 400 : 500;
        String path = SimHost.pathOf(uriInfo);
        if (status >= 500) {
            LOG.log(Level.SEVERE, "WeChat simulator failed on " + path, failure);
        } else {
            LOG.log(Level.FINE, "WeChat simulator rejected " + path + ": " + failure);
        }
        String reason = reason(status);
        return switch (SimHost.of(path)) {
            case API -> WeChatResponses.error(apiErrcode(failure, status));
            case OPEN -> OpenPages.error(status, base(), String.valueOf(status), reason);
            case CONTROL -> ControlJson.error(status, reason.toLowerCase().replace(' ', '_'),
                    status == 500 ? "internal simulator error (see the server log)" : reason);
            case MP -> Response.status(status).build();
            case SIM -> Html.page(status, base(), reason, "<section class=\"card error\"><h1>" + status + " "
                    + Html.escape(reason) + "</h1><p><a href=\"" + Html.escape(base()) + "\">Start over</a></p></section>");
        };
    }

    private static int apiErrcode(Throwable failure, int status) {
        if (failure instanceof NotFoundException) {
            return 40066;
        }
        if (failure instanceof NotAllowedException notAllowed) {
            boolean postOnly = notAllowed.getResponse().getAllowedMethods().contains(HttpMethod.POST)
                    && !notAllowed.getResponse().getAllowedMethods().contains(HttpMethod.GET);
            return postOnly ? 43002 : 43001;
        }
        if (failure instanceof NotSupportedException || status == 400) {
            return 47001;
        }
        return WeChatErrors.SYSTEM_ERROR;
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }

    private String base() {
        return Html.basePath(uriInfo.getBaseUri());
    }
}
