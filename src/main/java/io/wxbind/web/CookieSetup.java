package io.wxbind.web;

import io.wxbind.auth.flow.CookiePolicy;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * At start-up, gives the container's session cookie the attributes of our {@link CookiePolicy}
 * ({@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} when the public URL is https) through
 * the portable {@code SessionCookieConfig} (Servlet 6 {@code setAttribute}), and publishes the
 * policy for the cookies we set ourselves. A listener declared by annotation may still change
 * the session cookie config here; later it could not.
 */
@WebListener
public class CookieSetup implements ServletContextListener {

    @Inject
    CookiePolicy policy;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        policy.applyTo(context.getSessionCookieConfig());
        policy.publish(context);
    }
}
