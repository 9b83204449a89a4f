package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.PortalSite;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import io.wxbind.launch.WxBindStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * WxBind dropped into an existing portal ({@link PortalSite}: its own form login, users, identity
 * store and JAX-RS application, plus the classes jar and the definition): the portal's login
 * still works as before, and a WeChat user binds with the portal's password, then is logged in
 * silently, in the same WAR. On Payara Micro, and on WildFly in failsafe's {@code wildfly} pass.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class PortalIT {

    private static final String OPEN_AUTHORIZE = "/wechat-sim/open/connect/oauth2/authorize";
    private static final String CODE_EXCHANGE = "/api/sns/oauth2/access_token";

    private static PortalSite site;
    private static String portal;

    @BeforeAll
    static void portalUp() {
        site = PortalSite.forTests();
        portal = site.portalUrl();
    }

    @Test
    void formLoginWhenPortalUserThenPortalPagesAndApiAsBeforeWithoutWeChat() {
        long exchanges = site.sim().calls(CODE_EXCHANGE);
        WeChatBrowser browser = new WeChatBrowser("nobody"); // an ordinary browser: no MicroMessenger
        WeChatBrowser.Chain toLogin = browser.open(portal + "app/orders");
        assertEquals(200, toLogin.last().status(), toLogin.toString());
        assertTrue(toLogin.last().body().contains("id=\"portal-login\""), "the portal's own login page: " + toLogin);
        assertTrue(toLogin.hops().stream().noneMatch(h -> h.uri().getPath().startsWith("/wechat")), toLogin.toString());

        WeChatBrowser.Chain wrong = browser.follow(browser.submit(portal + "j_security_check",
                Map.of("j_username", "carol", "j_password", "not-it")));
        assertTrue(wrong.last().body().contains("id=\"portal-login-error\""), wrong.toString());

        browser.open(portal + "app/orders");
        WeChatBrowser.Chain in = browser.follow(browser.submit(portal + "j_security_check",
                Map.of("j_username", "dave", "j_password", "dave-portal-pw")));
        assertEquals(200, in.last().status(), in.toString());
        assertTrue(in.last().uri().getPath().endsWith("/portal/app/orders"), in.toString());
        assertCaller(in.last(), "dave");
        assertTrue(in.last().body().contains("id=\"staff\">true<"), "the portal's own groups: " + in.last().body());
        WeChatBrowser.Page api = browser.get(portal + "rest/whoami", Map.of("Accept", "application/json"));
        assertEquals(200, api.status(), api.body());
        assertEquals("{\"caller\":\"dave\"}", api.body());
        WeChatBrowser.Page form = browser.submit(portal + "app/profile", Map.of("name", "Dave"));
        assertEquals("saved for dave", form.body(), "the portal's own form needs no WxBind form token");
        assertEquals(exchanges, site.sim().calls(CODE_EXCHANGE), "the form login never went to WeChat");
    }

    @Test
    void wechatWhenUnboundThenBindWithPortalPasswordThenNextVisitSilent() {
        SimControl.SimPersonInfo p = site.sim().newPerson("Carol Portal");
        WeChatBrowser phone = new WeChatBrowser(p.id(), WeChatBrowser.IN_WECHAT_APP);
        WeChatBrowser.Chain toBind = phone.open(portal + "app/orders");
        assertTrue(toBind.hops().get(1).uri().getPath().equals(OPEN_AUTHORIZE), "WeChat's browser goes to WeChat login: " + toBind);
        String ticket = ticketFromBindPage(toBind);

        WeChatBrowser.Page wrong = phone.post(portal + "wechat/bind", Map.of("ticket", ticket, "username", "carol", "password", "nope"));
        assertEquals(401, wrong.status(), wrong.body());
        int logMark = site.serverLog().length();
        WeChatBrowser.Chain bound = phone.follow(phone.post(portal + "wechat/bind",
                Map.of("ticket", ticket, "username", "carol", "password", "carol-portal-pw")));
        assertTrue(bound.last().uri().getPath().endsWith("/portal/app/orders"),
                () -> bound + "\nserver log meanwhile:\n" + site.serverLog().substring(logMark));
        assertCaller(bound.last(), "carol");
        assertEquals("carol", boundAccount(p.openIdFor(WxBindStack.APP_ID)));

        long exchanges = site.sim().calls(CODE_EXCHANGE);
        WeChatBrowser later = new WeChatBrowser(p.id(), WeChatBrowser.IN_WECHAT_APP);
        WeChatBrowser.Chain silent = later.open(portal + "app/");
        assertTrue(silent.onlyRedirectsBeforeLast(), "a page was shown: " + silent);
        assertEquals(200, silent.last().status(), silent.toString());
        assertCaller(silent.last(), "carol");
        assertEquals(exchanges + 1, site.sim().calls(CODE_EXCHANGE), "exactly one code exchange");
        WeChatBrowser.Page api = later.get(portal + "rest/whoami", Map.of("Accept", "application/json"));
        assertEquals("{\"caller\":\"carol\"}", api.body(), "the WeChat login is the portal's login too");
        assertEquals("saved for carol", later.submit(portal + "app/profile", Map.of("name", "Carol")).body());
        WeChatBrowser.Page crossSite = later.raw("POST", portal + "rest/me/logout-everywhere",
                Map.of("Origin", "https://evil.example", "Content-Type", "application/json", "Accept", "application/json"), "{}");
        assertEquals(403, crossSite.status(), "WxBind's own resource inside the portal's JAX-RS app: " + crossSite.body());
        assertTrue(crossSite.body().contains("\"error\":\"csrf\""), crossSite.body());
        assertCaller(later.open(portal + "app/").last(), "carol");
    }

    @Test
    void schemaWhenDeployedInPortalThenOwnHistoryTableAndPrefixOnly() throws SQLException {
        assertTrue(rows("select count(*) from wxbind_schema_history where success") > 0);
        assertEquals(0, rows("select count(*) from information_schema.tables where table_schema = current_schema()"
                + " and table_name not like 'wxbind\\_%' and table_name <> 'portal_user'"),
                "WxBind created a table without its prefix, or a default Flyway history");
        assertEquals(3, rows("select count(*) from portal_user"), // carol, dave, erin (PortalSeed)
                "the portal's own persistence unit (its users, read by its identity store) works next to WxBind's");
    }

    @Test
    void portalResourceFailsThenPortalsOwnAnswerNotWxBindJson() {
        WeChatBrowser browser = new WeChatBrowser("nobody");
        WeChatBrowser.Page conflict = browser.get(portal + "rest/probe/conflict", Map.of("Accept", "text/plain"));
        assertEquals(409, conflict.status(), conflict.body());
        assertEquals("portal says: already taken", conflict.body(), "the portal's own body, not reshaped into WxBind's JSON");
        WeChatBrowser.Page broken = browser.get(portal + "rest/probe/broken", Map.of("Accept", "application/json"));
        assertEquals(500, broken.status(), broken.body());
        assertFalse(broken.body().contains("internal_error"), "WxBind's JSON error on the portal's own resource: " + broken.body());
    }

    @Test
    void jarWithoutDefinitionThenNothingOnAndPortalLoginUntouched() {
        String plain = site.plainPortalUrl();
        WeChatBrowser phone = new WeChatBrowser("nobody", WeChatBrowser.IN_WECHAT_APP);
        for (String path : new String[] {"wechat/login", "wechat/callback?code=c&state=s", "wechat/bind", "wechat/push", "wechat/static/qr-login.js"}) {
            assertEquals(404, phone.get(plain + path).status(), path + " must not exist without the definition");
        }
        assertEquals(404, phone.get(plain + "rest/me", Map.of("Accept", "application/json")).status(), "WxBind's JAX-RS resource");
        assertTrue(phone.get(portal + "rest/me", Map.of("Accept", "application/json")).status() != 404, "the same resource, defined");
        assertEquals(409, phone.get(plain + "rest/probe/conflict").status(), "the portal's own resources are not gated");
        WeChatBrowser.Chain toLogin = phone.open(plain + "app/orders");
        assertTrue(toLogin.last().body().contains("id=\"portal-login\""), "even WeChat's browser gets the portal's login: " + toLogin);
        String log = site.serverLog();
        assertTrue(log.contains("WxBind is on the class path but not defined"), "the plain portal says WxBind stays off");
        assertEquals(1, log.split("WxBind schema at version", -1).length - 1, "only the defined portal migrated");
        assertEquals(1, log.split("WxBind pages registered under", -1).length - 1, "only the defined portal has WxBind's pages");
        Set<String> jar = classesJarEntries(io.wxbind.launch.LaunchPaths.fromSystemProperties().portalPlainWar());
        assertTrue(jar.contains("io/wxbind/db/wxbind-orm.xml"), "the mapping file a host's unit lists: " + jar.size() + " entries");
        assertFalse(jar.contains("META-INF/persistence.xml"), "a unit in the jar would demand its datasource of every WAR holding it");
    }

    /** The entries of the classes jar inside a WAR's WEB-INF/lib. */
    private static Set<String> classesJarEntries(java.nio.file.Path war) {
        try (var zip = new java.util.zip.ZipFile(war.toFile())) {
            var lib = zip.stream().filter(e -> e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith("-classes.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no classes jar in " + war));
            Set<String> names = new java.util.TreeSet<>();
            try (var in = new java.util.zip.ZipInputStream(zip.getInputStream(lib))) {
                for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    names.add(e.getName());
                }
            }
            return names;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String boundAccount(String openId) {
        try (Connection c = site.database().connect();
             PreparedStatement ps = c.prepareStatement("select account_name from wxbind_wechat_openid where app_id = ? and open_id = ?")) {
            ps.setString(1, WxBindStack.APP_ID);
            ps.setString(2, openId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rows(String sql) throws SQLException {
        try (Connection c = site.database().connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
