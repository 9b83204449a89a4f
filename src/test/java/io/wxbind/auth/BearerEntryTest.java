package io.wxbind.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.account.AccountState;
import io.wxbind.account.SecurityStamps;
import io.wxbind.account.StampCheck;
import io.wxbind.auth.token.ApiTokenCheck;
import io.wxbind.auth.token.ApiTokenGrant;
import io.wxbind.auth.token.ApiTokenService;
import io.wxbind.testsupport.FakeHttp;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bearer branch of the mechanism against servlet and context doubles. */
class BearerEntryTest {

    private static final String GOOD = "G".repeat(43);
    private static final String REVOKED = "R".repeat(43);
    private static final ApiTokenGrant GRANT = new ApiTokenGrant("ab".repeat(32), "alice", "stamp-1",
            Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-21T11:00:00Z"));
    /** The account's groups now: the request gets these, whatever they were when the token was issued. */
    private static final Set<String> GROUPS_NOW = Set.of("user", "auditor");

    private final Map<String, Object> attributes = new HashMap<>();
    private final FakeHttp.Response res = new FakeHttp.Response();
    private final List<Object> logins = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();
    private boolean sessionAsked;

    private final BearerEntry step = new BearerEntry();

    BearerEntryTest() {
        step.tokens = new ApiTokenService() {
            @Override
            public ApiTokenCheck check(String token) {
                checked.add(token);
                if (REVOKED.equals(token)) {
                    return new ApiTokenCheck.Valid(new ApiTokenGrant("cd".repeat(32), "alice", "stamp-0", GRANT.issuedAt(), GRANT.expiresAt()));
                }
                return GOOD.equals(token) ? new ApiTokenCheck.Valid(GRANT) : new ApiTokenCheck.Invalid(ApiTokenCheck.Reason.UNKNOWN);
            }
        };
        step.stamps = new SecurityStamps() {
            @Override
            public StampCheck check(String account, String stamp) {
                return "alice".equals(account) && "stamp-1".equals(stamp) ? new StampCheck.Valid(new AccountState("alice", true, GROUPS_NOW))
                        : new StampCheck.Refused(StampCheck.Why.REVOKED);
            }
        };
    }

    private HttpServletRequest request(String authorization) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getSession" -> {
                        sessionAsked = true;
                        yield null;
                    }
                    default -> null;
                });
    }

    private HttpServletResponse response() {
        return res.build();
    }

    private HttpMessageContext context() {
        return (HttpMessageContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpMessageContext.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("notifyContainerAboutLogin")) {
                        logins.add(List.of(args));
                        return AuthenticationStatus.SUCCESS;
                    }
                    return null;
                });
    }

    @Test
    void appliesWhenBearerSchemeInAnyCaseElseNot() {
        assertTrue(BearerEntry.applies(request("Bearer " + GOOD)));
        assertTrue(BearerEntry.applies(request("bearer " + GOOD)));
        assertTrue(BearerEntry.applies(request("BEARER")), "a Bearer header without a token is a bad token, not no token");
        assertFalse(BearerEntry.applies(request(null)));
        assertFalse(BearerEntry.applies(request("Basic YWxpY2U6c2VjcmV0")));
        assertFalse(BearerEntry.applies(request("BearerX " + GOOD)));
        assertFalse(BearerEntry.applies(request("")));
    }

    @Test
    void authenticateWhenValidThenContainerToldCallerAndTheAccountsGroupsNowAndLoginOnRequestNoSession() {
        HttpServletRequest request = request("Bearer " + GOOD);
        AuthenticationStatus result = step.handle(request, response(), context());
        assertEquals(AuthenticationStatus.SUCCESS, result);
        assertEquals(List.of(List.of("alice", GROUPS_NOW)), logins);
        assertEquals(GRANT, ApiTokenGrant.current(request).orElseThrow());
        SessionLogin login = (SessionLogin) attributes.get(SessionLogin.class.getName());
        assertEquals(LoginMethod.API_TOKEN, login.method());
        assertEquals(GRANT.issuedAt(), login.at());
        assertEquals(GROUPS_NOW, login.groups());
        assertEquals("stamp-1", login.stamp());
        assertFalse(sessionAsked, "a bearer request never touches the session");
        assertEquals(0, res.status);
    }

    @Test
    void authenticateWhenInvalidThen401JsonWithChallengeAndNoLogin() {
        for (String header : new String[] {"Bearer " + "x".repeat(43), "Bearer", "Bearer   "}) {
            res.body.reset();
            res.headers.clear();
            AuthenticationStatus result = step.handle(request(header), response(), context());
            assertEquals(AuthenticationStatus.SEND_FAILURE, result, header);
            assertEquals(401, res.status);
            assertEquals("Bearer realm=\"wxbind\", error=\"invalid_token\"", res.headers.get("WWW-Authenticate"));
            assertEquals("no-store", res.headers.get("Cache-Control"));
            assertEquals("application/json", res.headers.get("Content-Type"));
            String json = res.bodyText();
            assertTrue(json.startsWith("{\"error\":\"invalid_token\",\"message\":\"The bearer token is not valid"), json);
        }
        assertTrue(logins.isEmpty());
        assertNull(attributes.get(SessionLogin.class.getName()));
        assertEquals(List.of("x".repeat(43), "", ""), checked, "the token as sent, without the scheme");
    }

    @Test
    void authenticateWhenTokenLiveButItsStampChangedThen401RevokedAndNoLogin() {
        HttpServletRequest request = request("Bearer " + REVOKED);
        AuthenticationStatus result = step.handle(request, response(), context());
        assertEquals(AuthenticationStatus.SEND_FAILURE, result);
        assertEquals(401, res.status);
        assertEquals("Bearer realm=\"wxbind\", error=\"invalid_token\"", res.headers.get("WWW-Authenticate"));
        String json = res.bodyText();
        assertTrue(json.startsWith("{\"error\":\"invalid_token\",\"message\":\"The bearer token was revoked"), json);
        assertTrue(logins.isEmpty());
        assertTrue(ApiTokenGrant.current(request).isEmpty(), "a revoked token authenticates nothing");
        assertNull(attributes.get(SessionLogin.class.getName()));
    }
}
