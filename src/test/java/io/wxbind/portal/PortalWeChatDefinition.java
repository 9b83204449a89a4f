package io.wxbind.portal;

import io.wxbind.auth.WeChatAuthenticationMechanismDefinition;
import io.wxbind.db.WxBindData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * What the portal adds (besides the jar): WxBind on, next to the form login, keeping its rows in
 * the portal's own persistence unit (which lists WxBind's mapping file). App id, secret and
 * WeChat's URLs come from MicroProfile Config; protected pages from web.xml.
 */
@ApplicationScoped
@WeChatAuthenticationMechanismDefinition
public class PortalWeChatDefinition {

    @Produces
    @WxBindData
    @PersistenceContext
    EntityManager wxbind;
}
