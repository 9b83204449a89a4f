package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.submitBind;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.PortalSite;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/admin/metrics} on a real server: a bind with a password, a silent WeChat login,
 * a wrong password and a forged callback move exactly their counters (read before and after as
 * Prometheus text), the WeChat calls counted match what the simulator saw, no account name or
 * openid shows, and only an administrator (session or bearer token) reads it.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class MetricsIT {

    private static final String LOGIN_BIND = "wxbind_logins_total{method=\"wechat_bind_password\",outcome=\"success\"}";
    private static final String LOGIN_SILENT = "wxbind_logins_total{method=\"wechat\",outcome=\"success\"}";
    private static final String LOGIN_WRONG = "wxbind_logins_total{method=\"password\",outcome=\"refused\"}";
    private static final String LOGIN_FORGED = "wxbind_logins_total{method=\"none\",outcome=\"refused\"}";
    private static final String WRONG_PASSWORD = "wxbind_refusals_total{reason=\"wrong_password\"}";
    private static final String NO_REQUEST = "wxbind_refusals_total{reason=\"authorization_request_not_found\"}";
    private static final String BINDS = "wxbind_binds_total";
    private static final String CODE_EXCHANGES = "wxbind_wechat_calls_seconds_count{errcode=\"0\",path=\"/sns/oauth2/access_token\"}";

    private static String app;
    private static WeChatBrowser admin;

    @BeforeAll
    static void adminLoggedIn() {
        app = stack().appUrl();
        admin = new WeChatBrowser(bindNewPerson("alice", "alice-password").id()); // alice: groups user, admin
        assertCaller(admin.open(app + "app/").last(), "alice");
    }

    @Test
    void loginAndRefusalsWhenDrivenThenCountersMoveByExactlyThat() {
        String before = metrics(admin);
        long exchangesBefore = sim().calls("/api/sns/oauth2/access_token");

        SimControl.SimPersonInfo p = sim().newPerson("Metrics Bob");
        WeChatBrowser first = new WeChatBrowser(p.id());
        assertCaller(submitBind(first, app, ticketFromBindPage(first.open(app + "app/")), "bob", "bob-password").last(), "bob");
        assertCaller(new WeChatBrowser(p.id()).open(app + "app/").last(), "bob");

        WeChatBrowser typo = new WeChatBrowser(sim().newPerson("Metrics Typo").id());
        String ticket = ticketFromBindPage(typo.open(app + "app/"));
        assertEquals(401, typo.post(app + "wechat/bind", Map.of("ticket", ticket, "username", "bob", "password", "nope")).status());
        assertProblemPage(new WeChatBrowser("nobody").get(app + "wechat/callback?code=abc&state=" + "A".repeat(40)), 400,
                "authorization_request_not_found");

        String after = metrics(admin);
        long exchanges = sim().calls("/api/sns/oauth2/access_token") - exchangesBefore;
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put(LOGIN_BIND, 1.0);
        expected.put(LOGIN_SILENT, 1.0);
        expected.put(LOGIN_WRONG, 1.0);
        expected.put(LOGIN_FORGED, 1.0);
        expected.put(WRONG_PASSWORD, 1.0);
        expected.put(NO_REQUEST, 1.0);
        expected.put(BINDS, 1.0);
        expected.put(CODE_EXCHANGES, (double) exchanges);
        Map<String, Double> moved = new LinkedHashMap<>();
        expected.keySet().forEach(series -> moved.put(series, sample(after, series) - sample(before, series)));
        assertEquals(expected, moved, after);
        assertEquals(3, exchanges, "bind page, silent login, typo's bind page: one code exchange each");

        assertTrue(after.contains("# TYPE wxbind_wechat_calls_seconds histogram"), after);
        assertTrue(after.contains("wxbind_qr_sse_streams_open "), after);
        for (String secret : new String[] {p.openIdFor(APP_ID), "bob", "alice", "127.0.0.1"}) {
            assertFalse(after.contains(secret), "the metrics name no account, openid or address: " + secret);
        }
    }

    @Test
    void metricsWhenAnonymousOrNotAdminThenRefusedWithoutNumbers() {
        WeChatBrowser.Page anonymous = new WeChatBrowser("nobody").get(app + "api/admin/metrics");
        assertTrue(anonymous.status() == 401 || anonymous.status() == 403, anonymous.status() + " " + anonymous.body());
        assertFalse(anonymous.body().contains("wxbind_"), anonymous.body());

        WeChatBrowser bob = new WeChatBrowser(bindNewPerson("bob", "bob-password").id());
        assertCaller(bob.open(app + "app/").last(), "bob");
        WeChatBrowser.Page notAdmin = bob.get(app + "api/admin/metrics");
        assertEquals(403, notAdmin.status(), notAdmin.body());
        assertFalse(notAdmin.body().contains("wxbind_"), notAdmin.body());

        WeChatBrowser.Page badToken = new WeChatBrowser("nobody").get(app + "api/admin/metrics", Map.of("Authorization", "Bearer nope"));
        assertEquals(401, badToken.status(), badToken.body());
        assertFalse(badToken.body().contains("wxbind_"), badToken.body());
    }

    @Test
    void metricsWhenAdminBearerTokenThenPrometheusText() {
        WeChatBrowser.Page issued = admin.sendJson("POST", app + "api/wechat/tokens", null);
        assertEquals(201, issued.status(), issued.body());
        String token = Json.createReader(new StringReader(issued.body())).readObject().getString("access_token");
        WeChatBrowser.Page scraped = new WeChatBrowser("nobody").get(app + "api/admin/metrics", Map.of("Authorization", "Bearer " + token));
        assertEquals(200, scraped.status(), scraped.body());
        assertTrue(scraped.contentType().startsWith("text/plain") && scraped.contentType().contains("version=0.0.4"), scraped.contentType());
        assertTrue(scraped.body().contains("# TYPE wxbind_logins_total counter"), scraped.body());
    }

    /**
     * In a host portal whose web.xml guards nothing under its JAX-RS path, the resource's own check
     * still refuses anyone but an admin (dave is a portal user of group staff); without the
     * definition annotation the path does not exist.
     */
    @Test
    void metricsWhenInAHostPortalThenOwnCheckRefusesAndWithoutDefinitionNotFound() {
        PortalSite site = PortalSite.forTests();
        String portal = site.portalUrl();
        WeChatBrowser.Page anonymous = new WeChatBrowser("nobody").get(portal + "rest/admin/metrics");
        assertEquals(401, anonymous.status(), anonymous.body());
        assertTrue(anonymous.body().contains("\"error\":\"not_authenticated\""), anonymous.body());

        WeChatBrowser dave = new WeChatBrowser("nobody");
        dave.open(portal + "app/orders");
        dave.follow(dave.submit(portal + "j_security_check", Map.of("j_username", "dave", "j_password", "dave-portal-pw")));
        WeChatBrowser.Page staff = dave.get(portal + "rest/admin/metrics");
        assertEquals(403, staff.status(), staff.body());
        assertFalse(staff.body().contains("wxbind_"), staff.body());

        assertEquals(404, new WeChatBrowser("nobody").get(site.plainPortalUrl() + "rest/admin/metrics").status());
    }

    private static String metrics(WeChatBrowser browser) {
        WeChatBrowser.Page page = browser.get(app + "api/admin/metrics");
        assertEquals(200, page.status(), page.body());
        return page.body();
    }

    /** One series' value in Prometheus text, 0 if absent (a counter not yet moved). */
    private static double sample(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
