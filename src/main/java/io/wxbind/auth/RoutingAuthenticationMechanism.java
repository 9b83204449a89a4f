package io.wxbind.auth;

import io.wxbind.config.MechanismConfig;
import io.wxbind.db.DatabaseOutage;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The one {@code HttpAuthenticationMechanism} that Jakarta Security (Soteria 3 looks up exactly
 * one) sees once a host declares {@link WeChatAuthenticationMechanismDefinition}: a synthetic
 * bean added by {@link WeChatExtension}, an enabled alternative so the lookup resolves to it even
 * next to the host's own mechanism. It hands {@link WeChatRequests WeChat requests} to
 * {@link WeChatAuthenticationMechanism} and the rest to the host's mechanism; without one, all
 * requests are WxBind's. Both are called through their CDI references, so their interceptors
 * ({@code @RememberMe}, {@code @LoginToContinue}, {@code @AutoApplySession}) still apply.
 */
final class RoutingAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(RoutingAuthenticationMechanism.class.getName());
    private static final String CHOSEN = RoutingAuthenticationMechanism.class.getName() + ".chosen";

    private volatile Delegates delegates;

    /** WxBind's mechanism, the host's if it has one, and which requests are WxBind's. */
    record Delegates(HttpAuthenticationMechanism wechat, Optional<HttpAuthenticationMechanism> host, WeChatRequests requests) {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        HttpAuthenticationMechanism chosen = choose(request);
        try {
            return chosen.validateRequest(request, response, context);
        } catch (RuntimeException e) {
            // WxBind's mechanism answers an outage itself; what its interceptors do around it (the
            // remember-me token written after a login) fails outside it: the same clear 503 then.
            Optional<String> outage = chosen == delegates().wechat() ? DatabaseOutage.in(e) : Optional.empty();
            if (outage.isEmpty()) {
                throw e;
            }
            LOG.warning(() -> "database unavailable around the WeChat mechanism, answered 503: " + outage.get());
            return ApiRequests.isApi(request) ? ApiRequests.databaseUnavailable(response)
                    : ContainerLogin.databaseUnavailable(request, response);
        }
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        return choose(request).secureResponse(request, response, context);
    }

    /** Logout: both forget the caller (either may have logged this browser in). */
    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Delegates d = delegates();
        d.wechat().cleanSubject(request, response, context);
        d.host().ifPresent(h -> h.cleanSubject(request, response, context));
    }

    private HttpAuthenticationMechanism choose(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof HttpAuthenticationMechanism chosen) {
            return chosen; // secureResponse goes where validateRequest went
        }
        Delegates d = delegates();
        HttpAuthenticationMechanism chosen = d.host().isEmpty() || d.requests().isWeChat(request) ? d.wechat() : d.host().get();
        request.setAttribute(CHOSEN, chosen);
        return chosen;
    }

    /** Looked up on first use: the host's mechanism may be a bean another extension adds late (Soteria's definitions). */
    private Delegates delegates() {
        Delegates d = delegates;
        if (d == null) {
            // The application's BeanManager: the one an extension gets at deployment may not see the WAR's beans (Payara).
            BeanManager beans = CDI.current().getBeanManager();
            d = new Delegates(reference(beans, beans.resolve(beans.getBeans(WeChatAuthenticationMechanism.class)),
                    WeChatAuthenticationMechanism.class), host(beans),
                    WeChatRequests.of(reference(beans, beans.resolve(beans.getBeans(MechanismConfig.class)), MechanismConfig.class)));
            delegates = d;
        }
        return d;
    }

    private static Optional<HttpAuthenticationMechanism> host(BeanManager beans) {
        Set<Bean<?>> others = hostMechanisms(beans);
        if (others.isEmpty()) {
            LOG.info("WxBind is the application's only login mechanism");
            return Optional.empty();
        }
        Bean<?> host = beans.resolve(others); // several host mechanisms: resolved as CDI would, or ambiguous
        LOG.info(() -> "WxBind shares login with the application's mechanism " + host.getBeanClass().getName()
                + ": WeChat requests go to WxBind, the others to it");
        return Optional.of(reference(beans, host, HttpAuthenticationMechanism.class));
    }

    /** The application's own {@code HttpAuthenticationMechanism} beans: all but this one. */
    static Set<Bean<?>> hostMechanisms(BeanManager beans) {
        return beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                .filter(b -> b.getBeanClass() != RoutingAuthenticationMechanism.class).collect(Collectors.toSet());
    }

    private static <T> T reference(BeanManager beans, Bean<?> bean, Class<T> type) {
        return type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean)));
    }
}
