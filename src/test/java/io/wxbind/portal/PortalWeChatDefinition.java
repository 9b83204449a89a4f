package io.wxbind.portal;

import io.wxbind.auth.WeChatAuthenticationMechanismDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one line the portal adds (besides the jar): WxBind on, next to the form login. App id,
 * secret and WeChat's URLs come from MicroProfile Config; protected pages from web.xml.
 */
@ApplicationScoped
@WeChatAuthenticationMechanismDefinition
public class PortalWeChatDefinition {
}
