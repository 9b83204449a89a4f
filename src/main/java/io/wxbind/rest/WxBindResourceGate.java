package io.wxbind.rest;

import io.wxbind.auth.WeChatActivation;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * WxBind's JAX-RS resources ({@code io.wxbind.rest}, {@code io.wxbind.qr}) join whatever JAX-RS
 * application the WAR has, by scanning, once the classes jar is there. Without
 * {@code @WeChatAuthenticationMechanismDefinition} this gate gives each of their methods a filter
 * that answers 404 before the method runs, as if they did not exist; with it, it adds nothing.
 * Decided once, when the JAX-RS application starts (the definition is fixed at deployment).
 */
@Provider
public class WxBindResourceGate implements DynamicFeature {

    private static final String OWN_PACKAGE = "io.wxbind.";
    private static final String DEMO_PACKAGE = "io.wxbind.demo.";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        String type = resource.getResourceClass().getName();
        if (type.startsWith(OWN_PACKAGE) && !type.startsWith(DEMO_PACKAGE)
                && !CDI.current().select(WeChatActivation.class).get().defined()) {
            context.register(NotDefined.class);
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
