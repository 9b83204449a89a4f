package io.wxbind.demo;

import io.wxbind.auth.WeChatAuthenticationMechanismDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns WxBind on in the demo WAR, as a host portal does: one annotated bean class. The app id,
 * secret and base URLs come from MicroProfile Config (server-config/, the test launcher); the
 * protected pages from web.xml's security constraints.
 */
@ApplicationScoped
@WeChatAuthenticationMechanismDefinition
public class DemoWeChatDefinition {
}
