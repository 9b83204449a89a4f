package io.wxbind.rest;

import io.wxbind.auth.OriginCheck;
import io.wxbind.auth.WeChatActivation;
import io.wxbind.auth.flow.FlowProblem;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * WxBind's JAX-RS resources ({@code io.wxbind.rest}, {@code io.wxbind.qr}) join whatever JAX-RS
 * application the WAR has, by scanning, once the classes jar is there. Without
 * {@code @WeChatAuthenticationMechanismDefinition} this gate gives each of their methods a filter
 * that answers 404 before the method runs, as if they did not exist. With it, next to a host's
 * own login (where the CSRF filter guards {@code /wechat/*} only), it gives them the same-origin
 * check instead ({@link SameOrigin}); as the only login, nothing.
 * Decided once, when the JAX-RS application starts (the definition is fixed at deployment).
 */
@Provider
public class WxBindResourceGate implements DynamicFeature {

    private static final String DEMO_PACKAGE = "io.wxbind.demo.";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        String type = resource.getResourceClass().getName();
        if (!OwnClasses.isOwn(resource.getResourceClass()) || type.startsWith(DEMO_PACKAGE)) {
            return;
        }
        WeChatActivation activation = CDI.current().select(WeChatActivation.class).get();
        if (!activation.defined()) {
            context.register(NotDefined.class);
        } else if (activation.sharesLogin()) {
            context.register(SameOrigin.class); // the CSRF filter then covers /wechat/* only
        }
    }

    /** The CSRF rule of {@code io.wxbind.web.CsrfFilter}, for WxBind's resources inside a host's JAX-RS application. */
    public static final class SameOrigin implements ContainerRequestFilter {

        @Context
        HttpServletRequest servletRequest;

        @Override
        public void filter(ContainerRequestContext request) {
            OriginCheck.Verdict verdict = CDI.current().select(OriginCheck.class).get().check(servletRequest);
            if (!verdict.allowed()) {
                request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                        .entity(new ErrorBody(FlowProblem.CSRF.code(), verdict.message() + " Nothing was changed.")).build());
            }
        }
    }

    /** The 404 of a path no resource serves. */
    public static final class NotDefined implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
        }
    }
}
