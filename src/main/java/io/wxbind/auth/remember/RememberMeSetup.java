package io.wxbind.auth.remember;

import io.wxbind.auth.WeChatActivation;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Publishes {@link RememberMeCookie} as the ServletContext attribute the {@code @RememberMe}
 * expressions read, once WxBind is defined. A listener rather than an observer of the
 * application's start with its ServletContext: Payara does not deliver that event to a bean of a
 * library jar (a host portal's {@code WEB-INF/lib}), and the expressions then fail every WeChat request.
 */
@WebListener
public class RememberMeSetup implements ServletContextListener {

    @Inject
    WeChatActivation activation;

    @Inject
    Instance<RememberMeCookie> cookie; // resolved only once defined: its settings are WxBind's

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (activation.defined()) {
            event.getServletContext().setAttribute(RememberMeCookie.ATTRIBUTE, cookie.get());
        }
    }
}
