package io.wxbind.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.rest.AdminAccountsResource;
import io.wxbind.rest.MeResource;
import io.wxbind.rest.WeChatAppCheckResource;
import org.junit.jupiter.api.Test;

/** Which resources the gate guards, the audit's action names, and that secrets never leave in a failure text. */
class AdminGateTest {

    @Test
    void isAdminResourceWhenPathUnderAdminThenGuardedOtherwiseNot() {
        assertTrue(AdminGate.isAdminResource(AdminLookupResource.class));
        assertTrue(AdminGate.isAdminResource(AdminAuditResource.class));
        assertTrue(AdminGate.isAdminResource(AdminBindingsResource.class));
        assertTrue(AdminGate.isAdminResource(AdminAppsResource.class));
        assertTrue(AdminGate.isAdminResource(AdminAccountsResource.class), "the older admin resources are guarded too");
        assertTrue(AdminGate.isAdminResource(WeChatAppCheckResource.class));
        assertFalse(AdminGate.isAdminResource(MeResource.class));
        assertFalse(AdminGate.isAdminResource(null));
        assertFalse(AdminGate.isAdminResource(String.class));
    }

    @Test
    void actionWhenCamelCaseThenSnakeCase() {
        assertEquals("logout_everywhere", AdminGate.action("logoutEverywhere"));
        assertEquals("set_groups", AdminGate.action("setGroups"));
        assertEquals("unbind", AdminGate.action("unbind"));
    }

    @Test
    void withoutSecretsWhenAFailureTextCarriesAUrlThenItsSecretsAreCut() {
        assertEquals("GET https://api/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=*** failed",
                AppStatus.withoutSecrets("GET https://api/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=s3cr3t failed"));
        assertEquals("x?access_token=***&a=b", AppStatus.withoutSecrets("x?access_token=abc.def&a=b"));
        assertEquals("errcode 40001", AppStatus.withoutSecrets("errcode 40001"));
    }

    @Test
    void attributeWhenQuotesAndTagsThenEscaped() {
        assertEquals("/p&quot;&gt;&lt;script&gt;&amp;", AdminPageServlet.attribute("/p\"><script>&"));
    }
}
