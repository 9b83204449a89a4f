package io.wxbind.simulator.control;

import io.wxbind.simulator.web.Html;
import io.wxbind.simulator.web.OpenPages;
import io.wxbind.simulator.web.SimHost;
import io.wxbind.simulator.web.WeChatErrors;
import io.wxbind.simulator.web.WeChatResponses;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Applies the fault {@link FaultSelectionFilter} chose for a call on a WeChat host, in this order:
 * hang (until cleared or 120 s; done by that filter without holding a thread, here only as a
 * blocking fallback), latency, then the answer: {@code errcode} → WeChat's errcode JSON (an error
 * page on /open) with {@code httpStatus} or 200; {@code httpStatus} alone → a bare gateway-style
 * page. A fault with only latency/hang lets the call continue normally afterwards. A hung call
 * reaches JAX-RS, and so {@link CallCountingFilter}, when it is resumed.
 */
@Provider
@PreMatching
@Priority(200)
@ApplicationScoped
public class FaultInjectionFilter implements ContainerRequestFilter {

    @Inject
    Faults faults;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = SimHost.pathOf(request.getUriInfo());
        SimHost host = SimHost.of(path);
        if (!host.isWeChat()) {
            return;
        }
        Optional<FaultRule> rule = selected(request, path);
        if (rule.isEmpty()) {
            return;
        }
        FaultSpec spec = rule.get().spec();
        try {
            if (spec.hang() && request.getProperty(FaultSelectionFilter.HUNG) == null) {
                rule.get().awaitRelease(Faults.MAX_HANG);
            }
            if (spec.latencyMs() != null) {
                Thread.sleep(spec.latencyMs());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Response response = answer(spec, host, Html.basePath(request.getUriInfo().getBaseUri()));
        if (response != null) {
            request.abortWith(response);
        }
    }

    /** The servlet filter's choice (request properties are servlet attributes); else choose here. */
    private Optional<FaultRule> selected(ContainerRequestContext request, String path) {
        Object selected = request.getProperty(FaultSelectionFilter.SELECTED);
        if (selected instanceof Optional<?> choice) {
            return choice.filter(FaultRule.class::isInstance).map(FaultRule.class::cast);
        }
        return faults.take(path);
    }

    private static Response answer(FaultSpec spec, SimHost host, String basePath) {
        int status = spec.httpStatus() == null ? 200 : spec.httpStatus();
        if (spec.errcode() != null) {
            String message = WeChatErrors.baseMessage(spec.errcode());
            return host == SimHost.OPEN
                    ? OpenPages.error(status, basePath, String.valueOf(spec.errcode()), message)
                    : WeChatResponses.error(status, spec.errcode(), message);
        }
        if (spec.httpStatus() != null) {
            String reason = Optional.ofNullable(Response.Status.fromStatusCode(status))
                    .map(Response.Status::getReasonPhrase).orElse("");
            return Response.status(status).type(Html.CONTENT_TYPE)
                    .entity("<html><body><h1>" + status + " " + reason + "</h1></body></html>").build();
        }
        return null;
    }
}
