package io.wxbind.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.PortalSite;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API and page inside a host portal ({@link PortalSite}: its own form login, users and
 * JAX-RS application under {@code /rest}, no WxBind path in its web.xml): the role is checked in
 * code (anonymous 401, the portal's staff 403 and audited, its admin erin allowed), a
 * cookie-authenticated write must come from the portal's own origin, and the admin page finds
 * the API under {@code /rest} (context parameter {@code wxbind.admin.api-path}).
 */
class PortalAdminIT {

    private static PortalSite site;
    private static String portal;

    @BeforeAll
    static void portalUp() {
        site = PortalSite.forTests();
        portal = site.portalUrl();
    }

    @Test
    void adminApiWhenInAPortalThenRoleCheckedInCodeOriginCheckedAndAudited() {
        WeChatBrowser anonymous = new WeChatBrowser("nobody");
        WeChatBrowser.Page anon = anonymous.get(portal + "rest/admin/lookup?account=carol", Map.of("Accept", "application/json"));
        assertEquals(401, anon.status(), anon.body());
        assertEquals("not_authenticated", json(anon).getString("error"));

        WeChatBrowser dave = formLogin("dave", "dave-portal-pw");
        WeChatBrowser.Page refused = dave.get(portal + "rest/admin/lookup?account=carol", Map.of("Accept", "application/json"));
        assertEquals(403, refused.status(), refused.body());
        assertEquals("forbidden", json(refused).getString("error"));
        assertEquals(403, dave.sendJson("POST", portal + "rest/admin/accounts/carol/logout-everywhere", null).status());
        assertTrue(count("select count(*) from wxbind_audit_log where kind = 'REFUSED' and account = 'dave' and reason = 'not_admin'") >= 2);

        WeChatBrowser erin = formLogin("erin", "erin-portal-pw");
        WeChatBrowser.Page found = erin.get(portal + "rest/admin/lookup?account=carol", Map.of("Accept", "application/json"));
        assertEquals(200, found.status(), found.body());
        assertEquals("carol", json(found).getJsonArray("accounts").getJsonObject(0).getString("name"));
        assertEquals(200, erin.get(portal + "rest/admin/wechat/apps", Map.of("Accept", "application/json")).status());

        WeChatBrowser.Page crossSite = erin.raw("POST", portal + "rest/admin/accounts/carol/logout-everywhere",
                Map.of("Origin", "https://evil.example"), null);
        assertEquals(403, crossSite.status(), crossSite.body());
        WeChatBrowser.Page done = erin.sendJson("POST", portal + "rest/admin/accounts/carol/logout-everywhere", null);
        assertEquals(204, done.status(), done.body());
        assertEquals(1, count("select count(*) from wxbind_audit_log where kind = 'ADMIN' and account = 'erin' and subject = 'carol'"
                + " and method = 'logout_everywhere' and reason = 'status_204'"));

        WeChatBrowser.Page page = erin.get(portal + "wechat/admin");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("content=\"/" + PortalSite.CONTEXT_ROOT + "/rest\""), page.body());
        WeChatBrowser.Page noPage = dave.get(portal + "wechat/admin");
        assertEquals(403, noPage.status());
        assertFalse(noPage.body().contains("search-form"));
    }

    private static WeChatBrowser formLogin(String user, String password) {
        WeChatBrowser b = new WeChatBrowser("nobody");
        b.open(portal + "app/orders");
        WeChatBrowser.Chain in = b.follow(b.submit(portal + "j_security_check", Map.of("j_username", user, "j_password", password)));
        assertEquals(200, in.last().status(), in.toString());
        return b;
    }

    private static JsonObject json(WeChatBrowser.Page page) {
        assertTrue(page.contentType().startsWith("application/json"), page.contentType() + ": " + page.body());
        return Json.createReader(new StringReader(page.body())).readObject();
    }

    private static long count(String sql) {
        try (Connection c = site.database().connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
