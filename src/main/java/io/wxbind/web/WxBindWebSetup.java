package io.wxbind.web;

import io.wxbind.auth.WeChatActivation;
import io.wxbind.auth.WeChatAuthenticationMechanism;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.db.ScheduledWork;
import io.wxbind.link.BindLinkObserver;
import io.wxbind.push.WeChatPushServlet;
import io.wxbind.qr.QrConfirmService;
import io.wxbind.qr.QrLoginCompleteEntry;
import io.wxbind.website.WebsiteLoginEntry;
import io.wxbind.auth.flow.CookiePolicy;
import io.wxbind.config.MechanismConfig;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServlet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Registers WxBind's pages and its CSRF filter and starts its timers ({@link ScheduledWork}), only when the application declared
 * {@code @WeChatAuthenticationMechanismDefinition}: a portal that merely has the classes jar gets
 * no servlet and no filter (they used to be {@code @WebServlet}/{@code @WebFilter}, on by being on
 * the class path). The filter is mapped before the application's own filters (isMatchAfter =
 * false), so it refuses a cross-site request before any other filter, servlet or resource runs:
 * on every path when WxBind is the only login, on {@code /wechat/*} next to a host's own login.
 */
@WebListener
public class WxBindWebSetup implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(WxBindWebSetup.class.getName());

    /** The servlet context attribute with the login path in force ({@code wxbind.path.login}), for pages drawn statically. */
    public static final String LOGIN_PATH_ATTRIBUTE = "io.wxbind.web.loginPath";

    /**
     * WxBind's servlets and their default URL patterns (also read by the tests that list every
     * endpoint); the callback, login and bind pages go where {@link MechanismConfig} says.
     */
    public static final Map<Class<? extends HttpServlet>, List<String>> SERVLETS = servlets();

    @Inject
    WeChatActivation activation;

    @Inject
    Instance<MechanismConfig> mechanismConfig; // read only once WxBind is defined: a host without it has no settings

    private MechanismConfig paths;

    @Inject
    Instance<CookiePolicy> cookiePolicy;

    @Inject
    @Any
    Instance<ScheduledWork> timers;

    private static Map<Class<? extends HttpServlet>, List<String>> servlets() {
        Map<Class<? extends HttpServlet>, List<String>> s = new LinkedHashMap<>();
        s.put(CallbackServlet.class, List.of(LoginFlow.CALLBACK_PATH));
        s.put(LoginServlet.class, List.of(WeChatAuthenticationMechanism.LOGIN_PATH));
        s.put(BindServlet.class, List.of(WeChatAuthenticationMechanism.BIND_PATH));
        s.put(LinkServlet.class, List.of(BindLinkObserver.LINK_PATH));
        s.put(QrConfirmServlet.class, List.of(QrConfirmService.CONFIRM_PATH, QrConfirmService.ANSWER_PATH));
        s.put(QrLoginServlet.class, List.of(QrLoginServlet.PAGE, QrLoginServlet.STATUS, QrLoginCompleteEntry.PATH));
        s.put(QrLoginEventsServlet.class, List.of(QrLoginEventsServlet.PATH));
        s.put(WebsiteLoginServlet.class, List.of(WebsiteLoginEntry.PATH));
        s.put(SmsSendServlet.class, List.of("/wechat/sms/send"));
        s.put(StaticScriptServlet.class, List.of("/wechat/static/*"));
        s.put(ErrorServlet.class, List.of(ErrorServlet.PATH));
        s.put(WeChatPushServlet.class, List.of(WeChatPushServlet.PATH + "/*"));
        return Collections.unmodifiableMap(s);
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!activation.defined()) {
            return;
        }
        paths = mechanismConfig.get();
        ServletContext ctx = event.getServletContext();
        // The container's session cookie gets our cookie attributes (HttpOnly, SameSite=Lax, Secure when
        // the public URL is https) through the portable SessionCookieConfig: only a listener declared by
        // annotation or descriptor may still change it, and only now. The policy is published for our own cookies.
        CookiePolicy cookies = cookiePolicy.get();
        cookies.applyTo(ctx.getSessionCookieConfig());
        cookies.publish(ctx);
        FilterRegistration.Dynamic csrf = ctx.addFilter(CsrfFilter.NAME, CsrfFilter.class);
        csrf.setAsyncSupported(true); // or the SSE resources behind it fail
        // Sole login: the whole application. Next to the host's login: WxBind's pages only (the JAX-RS
        // gate guards WxBind's resources), so the host's forms keep working under the host's own defences.
        String[] scope = activation.sharesLogin()
                ? new String[] {"/wechat/*", paths.callbackPath(), paths.loginPath(), paths.bindPath()} : new String[] {"/*"};
        csrf.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, scope);
        ctx.setAttribute(LOGIN_PATH_ATTRIBUTE, paths.loginPath());
        SERVLETS.forEach((type, defaults) -> {
            ServletRegistration.Dynamic registration = ctx.addServlet("wxbind-" + type.getSimpleName(), type);
            registration.addMapping(mapping(type, defaults).toArray(String[]::new));
            registration.setAsyncSupported(type == QrLoginEventsServlet.class); // server-sent events
            if (type == WeChatPushServlet.class) {
                registration.setLoadOnStartup(1); // ready before WeChat's first push
            }
        });
        LOG.info(() -> "WxBind pages registered under " + ctx.getContextPath() + "/wechat/");
        timers.forEach(ScheduledWork::schedule); // EJBs are callable now, and the schema was migrated when CDI started
    }

    /** The configured path of the three pages a host may move; the others keep theirs. */
    private List<String> mapping(Class<? extends HttpServlet> type, List<String> defaults) {
        if (type == CallbackServlet.class) {
            return List.of(paths.callbackPath());
        }
        if (type == LoginServlet.class) {
            return List.of(paths.loginPath());
        }
        return type == BindServlet.class ? List.of(paths.bindPath()) : defaults;
    }

}
