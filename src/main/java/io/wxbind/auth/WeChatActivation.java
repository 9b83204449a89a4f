package io.wxbind.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

/**
 * Whether the application turned WxBind on ({@link WeChatAuthenticationMechanismDefinition}).
 * Feature packages ask it before they expose anything: servlets, the CSRF filter and JAX-RS
 * resources. (Start-up observers need not ask: {@link WeChatExtension} vetoes them when off.)
 */
@ApplicationScoped
public class WeChatActivation {

    @Inject
    WeChatExtension extension;

    public boolean defined() {
        return extension.definition().isPresent();
    }

    /**
     * Defined next to a login mechanism of the application's own (form, OIDC, custom): WxBind then
     * guards only its own pages and resources, the host's stay the host's.
     */
    public boolean sharesLogin() {
        return defined() && !RoutingAuthenticationMechanism.hostMechanisms(CDI.current().getBeanManager()).isEmpty();
    }
}
