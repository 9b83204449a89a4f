package io.wxbind.admin;

import io.wxbind.auth.WeChatActivation;
import io.wxbind.rest.OwnClasses;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Gives every method of WxBind's own admin resources (class path {@code admin/...}, this
 * package's and {@code io.wxbind.rest}'s) the role check and the audit trail, once WxBind is
 * defined (before, {@code WxBindResourceGate} answers 404 for them). Decided once, when the
 * JAX-RS application starts.
 */
@Provider
public class AdminGate implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (!isAdminResource(resource.getResourceClass()) || resource.getResourceMethod() == null
                || !CDI.current().select(WeChatActivation.class).get().defined()) {
            return;
        }
        context.register(new AdminRoleCheck(), Priorities.AUTHORIZATION);
        context.register(new AdminAuditTrail(action(resource.getResourceMethod().getName())), Priorities.USER);
    }

    static boolean isAdminResource(Class<?> type) {
        if (type == null) {
            return false;
        }
        Path path = type.getAnnotation(Path.class);
        if (path == null) {
            return false;
        }
        String p = path.value().startsWith("/") ? path.value().substring(1) : path.value();
        return (p.equals("admin") || p.startsWith("admin/")) && OwnClasses.isOwn(type);
    }

    /** {@code logoutEverywhere} → {@code logout_everywhere}: the audit's action. */
    static String action(String methodName) {
        return methodName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
