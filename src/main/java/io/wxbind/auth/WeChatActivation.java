package io.wxbind.auth;

import jakarta.enterprise.context.ApplicationScoped;
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
}
