package io.wxbind.auth.remember;

import io.wxbind.sms.SmsBindProof;
import io.wxbind.auth.WeChatActivation;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.ServletContextEvent;
import java.lang.reflect.Proxy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.account.AccountState;
import io.wxbind.account.SecurityStamps;
import io.wxbind.account.StampCheck;
import io.wxbind.auth.FlowOutcome;
import io.wxbind.auth.LoginMethod;
import io.wxbind.auth.SessionLogin;
import io.wxbind.auth.WeChatAuthenticationMechanism;
import io.wxbind.auth.flow.CookiePolicy;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.config.RememberMeConfig;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.testsupport.MutableClock;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.RememberMe;
import jakarta.security.enterprise.credential.RememberMeCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What the {@code @RememberMe} expressions answer (token only for a fresh login, never with an
 * {@code Authorization} header; the cookie's age and Secure flag), logout, and what the identity
 * store leaves on a request it logs in.
 */
class RememberMeCookieTest {

    private final MutableClock clock = new MutableClock();
    private final Map<String, RememberMeGrant> rows = new ConcurrentHashMap<>();
    private final RememberMeTokens tokens = tokens(true);

    /** Set by a test: what the store's lookup throws. */
    private volatile RuntimeException lookupFails;

    private RememberMeTokens tokens(boolean enabled) {
        RememberMeTokens t = new RememberMeTokens();
        t.config = new RememberMeConfig(enabled, Duration.ofDays(14), Duration.ZERO);
        t.clock = clock;
        t.store = new RememberMeStore() {
            @Override
            public List<String> add(RememberMeGrant grant, int maxPerCaller, java.time.Instant now) {
                rows.put(grant.tokenHash(), grant);
                return List.of();
            }

            @Override
            public Optional<RememberMeGrant> find(String tokenHash) {
                if (lookupFails != null) {
                    throw lookupFails;
                }
                return Optional.ofNullable(rows.get(tokenHash));
            }

            @Override
            public void touch(String tokenHash, java.time.Instant now) {
            }

            @Override
            public boolean remove(String tokenHash) {
                return rows.remove(tokenHash) != null;
            }

            @Override
            public List<String> removeAllOf(String caller) {
                return List.of();
            }
        };
        t.stamps = new SecurityStamps() {
            @Override
            public StampCheck check(String account, String stamp) {
                return "s1".equals(stamp) ? new StampCheck.Valid(new AccountState(account, true, Set.of("user", "auditor")))
                        : new StampCheck.Refused(StampCheck.Why.REVOKED);
            }
        };
        t.init();
        return t;
    }

    private RememberMeCookie cookie(boolean enabled, boolean secure) {
        RememberMeCookie c = new RememberMeCookie();
        c.config = new RememberMeConfig(enabled, Duration.ofDays(14), Duration.ZERO);
        c.cookies = new CookiePolicy(secure);
        c.tokens = tokens;
        return c;
    }

    private static HttpMessageContext context(HttpServletRequest request) {
        return (HttpMessageContext) Proxy.newProxyInstance(RememberMeCookieTest.class.getClassLoader(),
                new Class<?>[] {HttpMessageContext.class}, (proxy, m, args) -> m.getName().equals("getRequest") ? request : null);
    }

    private static HttpServletRequest loggedInJustNow(FakeHttp.Request builder) {
        HttpServletRequest request = builder.build();
        new FlowOutcome.LoggedIn("/wxbind/app/").attachTo(request);
        return request;
    }

    @Test
    void issuesTokenWhenAFreshLoginThenYesElseNo() {
        RememberMeCookie c = cookie(true, false);
        assertTrue(c.issuesToken(context(loggedInJustNow(new FakeHttp.Request()))), "WeChat, bind form, QR: all end in LoggedIn");
        assertFalse(c.issuesToken(context(new FakeHttp.Request().build())), "a session restored, a page: no login happened");
        HttpServletRequest problem = new FakeHttp.Request().build();
        new FlowOutcome.Problem(FlowProblem.ACCOUNT_UNAVAILABLE, null).attachTo(problem);
        assertFalse(c.issuesToken(context(problem)));
        assertFalse(c.issuesToken(context(loggedInJustNow(new FakeHttp.Request().header("Authorization", "Bearer abc")))),
                "never on a bearer request");
        assertFalse(cookie(false, false).issuesToken(context(loggedInJustNow(new FakeHttp.Request()))), "switched off");
    }

    @Test
    void cookieNameWhenAnAuthorizationHeaderThenOneNeverSet() {
        RememberMeCookie c = cookie(true, false);
        assertEquals(RememberMeCookie.NAME, c.cookieName(context(new FakeHttp.Request().build())));
        String forBearer = c.cookieName(context(new FakeHttp.Request().header("Authorization", "Bearer x").build()));
        assertFalse(forBearer.equals(RememberMeCookie.NAME), "a bearer request is decided by its token alone, not by a cookie");
    }

    @Test
    void annotationWhenReadThenEveryExpressionReachesThisBeanThroughTheServletContext() throws NoSuchMethodException {
        RememberMe on = WeChatAuthenticationMechanism.class.getAnnotation(RememberMe.class);
        String bean = "httpMessageContext.request.servletContext.getAttribute('" + RememberMeCookie.ATTRIBUTE + "')";
        assertEquals("#{" + bean + ".cookieName(httpMessageContext)}", on.cookieName(), "deferred: per request");
        assertEquals("#{" + bean + ".issuesToken(httpMessageContext)}", on.isRememberMeExpression(), "deferred: read after the mechanism ran");
        assertEquals("${" + bean + ".maxAgeSeconds}", on.cookieMaxAgeSecondsExpression());
        assertEquals("${" + bean + ".secure}", on.cookieSecureOnlyExpression());
        assertTrue(on.cookieHttpOnly());
        RememberMeCookie.class.getMethod("cookieName", HttpMessageContext.class);
        RememberMeCookie.class.getMethod("issuesToken", HttpMessageContext.class);
        assertEquals(int.class, RememberMeCookie.class.getMethod("getMaxAgeSeconds").getReturnType());
        assertEquals(boolean.class, RememberMeCookie.class.getMethod("isSecure").getReturnType());
    }

    @Test
    void setupWhenDefinedThenTheBeanIsAServletContextAttributeElseNothing() {
        RememberMeCookie c = cookie(true, false);
        for (boolean defined : new boolean[] {true, false}) {
            HttpServletRequest request = new FakeHttp.Request().build();
            RememberMeSetup setup = new RememberMeSetup();
            setup.activation = new WeChatActivation() {
                @Override
                public boolean defined() {
                    return defined;
                }
            };
            @SuppressWarnings("unchecked")
            Instance<RememberMeCookie> only = (Instance<RememberMeCookie>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Instance.class}, (proxy, method, args) -> {
                        assertEquals("get", method.getName(), "only get() is used");
                        return c;
                    });
            setup.cookie = only;
            setup.contextInitialized(new ServletContextEvent(request.getServletContext()));
            assertEquals(defined ? c : null, request.getServletContext().getAttribute(RememberMeCookie.ATTRIBUTE), "defined " + defined);
        }
    }

    @Test
    void ageAndSecureWhenReadThenFromTheSettingsAndTheCookiePolicy() {
        assertEquals(14 * 24 * 3600, cookie(true, false).getMaxAgeSeconds());
        assertFalse(cookie(true, false).isSecure());
        assertTrue(cookie(true, true).isSecure());
    }

    @Test
    void forgetWhenTheBrowserHasATokenThenItIsDeletedAndTheCookieCleared() {
        String token = tokens.issue("alice", "s1", "WECHAT");
        FakeHttp.Response response = new FakeHttp.Response();
        HttpServletRequest request = new FakeHttp.Request().cookie(new Cookie(RememberMeCookie.NAME, token)).build();
        cookie(true, true).forget(request, response.build());
        assertTrue(rows.isEmpty());
        assertEquals(1, response.cookies.size());
        Cookie cleared = response.cookies.get(0);
        assertEquals(RememberMeCookie.NAME, cleared.getName());
        assertEquals(0, cleared.getMaxAge());
        assertEquals("/wxbind", cleared.getPath());
        assertTrue(cleared.isHttpOnly() && cleared.getSecure());

        FakeHttp.Response none = new FakeHttp.Response();
        cookie(true, true).forget(new FakeHttp.Request().build(), none.build());
        assertTrue(none.cookies.isEmpty(), "nothing to clear");
    }

    @Test
    void validateWhenValidThenCallerWithGroupsOfNowAndTheLoginLeftOnTheRequest() {
        StampedRememberMeIdentityStore store = new StampedRememberMeIdentityStore();
        store.tokens = tokens;
        store.request = new FakeHttp.Request().build();
        String token = tokens.issue("alice", "s1", "WECHAT_BIND_SMS");
        CredentialValidationResult result = store.validate(new RememberMeCredential(token));
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals("alice", result.getCallerPrincipal().getName());
        assertEquals(Set.of("user", "auditor"), result.getCallerGroups());
        SessionLogin left = assertInstanceOf(SessionLogin.class, store.request.getAttribute(SessionLogin.class.getName()));
        assertEquals(SmsBindProof.METHOD, left.method());
        assertEquals("s1", left.stamp());
        assertEquals(clock.instant(), left.at(), "the time of the original login, not of this request");

        String revoked = tokens.issue("alice", "s0", "WECHAT");
        assertEquals(CredentialValidationResult.Status.INVALID, store.validate(new RememberMeCredential(revoked)).getStatus());
        assertEquals(CredentialValidationResult.Status.INVALID, store.validate(new RememberMeCredential("forged")).getStatus());
        store.tokens = tokens(false);
        assertEquals(CredentialValidationResult.Status.INVALID, store.validate(new RememberMeCredential(token)).getStatus());
    }

    @Test
    void validateWhenTheDatabaseIsDownThenNotValidatedInsteadOfAnErrorButRealErrorsStay() {
        StampedRememberMeIdentityStore store = new StampedRememberMeIdentityStore();
        store.tokens = tokens;
        store.request = new FakeHttp.Request().build();
        String token = tokens.issue("alice", "s1", "WECHAT");
        lookupFails = new IllegalStateException("lookup", new java.sql.SQLTransientConnectionException("connection refused", "08001"));
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED, store.validate(new RememberMeCredential(token)).getStatus());
        lookupFails = new IllegalStateException("a bug");
        IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> store.validate(new RememberMeCredential(token)));
        assertEquals("a bug", thrown.getMessage());
    }
}
