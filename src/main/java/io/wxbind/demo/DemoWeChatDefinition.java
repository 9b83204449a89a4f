package io.wxbind.demo;

import io.wxbind.auth.WeChatAuthenticationMechanismDefinition;
import io.wxbind.db.WxBindData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Turns WxBind on in the demo WAR, as a host portal does: one annotated bean class, naming the
 * persistence unit that holds WxBind's rows (the WAR's own unit {@code wxbind}). The app id,
 * secret and base URLs come from MicroProfile Config (server-config/, the test launcher); the
 * protected pages from web.xml's security constraints.
 */
@ApplicationScoped
@WeChatAuthenticationMechanismDefinition
public class DemoWeChatDefinition {

    @Produces
    @WxBindData
    @PersistenceContext(unitName = "wxbind")
    EntityManager wxbind;
}
