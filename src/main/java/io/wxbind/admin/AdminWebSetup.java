package io.wxbind.admin;

import io.wxbind.auth.WeChatActivation;
import jakarta.inject.Inject;
import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebListener;

/**
 * Registers the admin page ({@link AdminPageServlet}) only when the application declared
 * {@code @WeChatAuthenticationMechanismDefinition}, with a constraint of its own (role
 * {@value AdminRoleCheck#ROLE}), since a host portal's web.xml knows nothing of it. A browser
 * without a session is sent to log in; a caller without the role gets 403.
 */
@WebListener
public class AdminWebSetup implements ServletContextListener {

    @Inject
    WeChatActivation activation;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!activation.defined()) {
            return;
        }
        ServletContext ctx = event.getServletContext();
        ctx.declareRoles(AdminRoleCheck.ROLE);
        ServletRegistration.Dynamic page = ctx.addServlet("wxbind-" + AdminPageServlet.class.getSimpleName(), AdminPageServlet.class);
        page.addMapping(AdminPageServlet.PATH, AdminPageServlet.PATH + "/*");
        page.setServletSecurity(new ServletSecurityElement(
                new HttpConstraintElement(ServletSecurity.TransportGuarantee.NONE, AdminRoleCheck.ROLE)));
    }
}
