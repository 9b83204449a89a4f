package io.wxbind.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.config.WeChatConfig;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.testsupport.FakeLogin;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every branch of the mechanism's decision tree (the numbers of its class comment) against a
 * fake {@code HttpMessageContext}, request and response, with recording entries, session restore,
 * origin check and flow: the status it returns and what it called, in order.
 */
class WeChatAuthenticationMechanismTest {

    private static final String AUTHORIZE_URL = "https://open.weixin.qq.com/connect/oauth2/authorize?state=S#wechat_redirect";

    private final List<String> calls = new ArrayList<>();
    private final FakeHttp.Response response = new FakeHttp.Response();
    private boolean protectedResource;
    private Optional<SessionLogin> session = Optional.empty();
    private OriginCheck.Verdict origin = OriginCheck.Verdict.EXEMPT;

    private final WeChatAuthenticationMechanism mechanism = new WeChatAuthenticationMechanism();

    /** An entry that records being asked and answers a status of its own, so the test sees which one decided. */
    private final class Entry implements LoginEntry {
        final String name;
        final Stage stage;
        final String path;
        final AuthenticationStatus answer;
        RuntimeException failure;

        Entry(String name, Stage stage, String path, AuthenticationStatus answer) {
            this.name = name;
            this.stage = stage;
            this.path = path;
            this.answer = answer;
        }

        @Override
        public Stage stage() {
            return stage;
        }

        @Override
        public boolean matches(HttpServletRequest request) {
            boolean matches = path.equals(request.getHeader("X-Test-Credential")) || LoginEntry.path(request).equals(path);
            calls.add(name + " matches? " + matches);
            return matches;
        }

        @Override
        public AuthenticationStatus handle(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
            calls.add(name + " handles");
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    private final Entry bearer = new Entry("bearer", LoginEntry.Stage.CREDENTIAL, "bearer", AuthenticationStatus.SUCCESS);
    private final Entry callback = new Entry("callback", LoginEntry.Stage.STEP, "/wechat/callback", AuthenticationStatus.SEND_CONTINUE);
    private final Entry link = new Entry("link", LoginEntry.Stage.STEP, "/wechat/link", AuthenticationStatus.SEND_CONTINUE);
    private final Entry shadow = new Entry("shadow", LoginEntry.Stage.STEP, "/wechat/link", AuthenticationStatus.SEND_FAILURE);

    WeChatAuthenticationMechanismTest() {
        mechanism.config = WeChatConfig.read(k -> Optional.ofNullable(
                Map.of("wechat.app-id", "wx1a2b3c4d5e6f7a8b", "wechat.app-secret", "s3cret").get(k)));
        mechanism.sessions = new SessionRestore() {
            @Override
            Optional<SessionLogin> current(HttpServletRequest request) {
                calls.add("session? " + session.isPresent());
                return session;
            }
        };
        mechanism.origins = new OriginCheck() {
            @Override
            public Verdict check(HttpServletRequest request) {
                calls.add("origin " + origin);
                return origin;
            }
        };
        mechanism.flow = new LoginFlow() {
            @Override
            public String start(HttpServletRequest request, HttpServletResponse response, String returnTo) {
                calls.add("flow.start " + returnTo);
                return AUTHORIZE_URL;
            }
        };
        mechanism.entries = List.of(bearer, callback, link, shadow);
    }

    private static FakeHttp.Request get(String path) {
        return new FakeHttp.Request().method("GET").uri("/wxbind" + path);
    }

    private AuthenticationStatus decide(FakeHttp.Request request) {
        return decide(request.build());
    }

    private AuthenticationStatus decide(HttpServletRequest request) {
        return mechanism.validateRequest(request, response.build(), FakeLogin.context(calls, () -> protectedResource));
    }

    @Test
    void branch1WhenCredentialEntryMatchesThenItDecidesBeforeTheSessionIsRead() {
        session = Optional.of(new SessionLogin("alice", Set.of("user"), LoginMethod.WECHAT, Instant.now(), "stamp"));
        AuthenticationStatus result = decide(get("/wechat/link").header("X-Test-Credential", "bearer"));
        assertEquals(AuthenticationStatus.SUCCESS, result);
        assertEquals(List.of("bearer matches? true", "bearer handles"), calls, "no session read, no origin check, no step entry asked");
    }

    @Test
    void branch2WhenLiveSessionThenContainerToldTheCallerAndGroupsAndNoStepEntryAsked() {
        session = Optional.of(new SessionLogin("alice", Set.of("user"), LoginMethod.WECHAT, Instant.now(), "stamp"));
        AuthenticationStatus result = decide(get("/wechat/callback"));
        assertEquals(AuthenticationStatus.SUCCESS, result);
        assertEquals(List.of("bearer matches? false", "session? true", "container login alice [user]"), calls);
    }

    @Test
    void branch3WhenCrossSiteThenNothingAndNoStepEntryActsEvenOnItsOwnPath() {
        origin = OriginCheck.Verdict.FOREIGN_ORIGIN;
        AuthenticationStatus result = decide(get("/wechat/callback").method("POST"));
        assertEquals(AuthenticationStatus.NOT_DONE, result);
        assertEquals(List.of("bearer matches? false", "session? false", "origin FOREIGN_ORIGIN", "nothing"), calls);
    }

    @Test
    void branch4WhenStepEntryMatchesThenTheFirstInPriorityOrderDecides() {
        AuthenticationStatus result = decide(get("/wechat/link"));
        assertEquals(AuthenticationStatus.SEND_CONTINUE, result, "link's answer, not the later entry's on the same path");
        assertEquals(List.of("bearer matches? false", "session? false", "origin EXEMPT", "callback matches? false", "link matches? true",
                "link handles"), calls, "a credential entry is not asked again as a step");
    }

    @Test
    void branch5WhenExplicitStartThenStep1ToItsReturnUrl() {
        AuthenticationStatus result = decide(get("/wechat/login").param("returnTo", "/wxbind/app/orders?id=7"));
        assertEquals(AuthenticationStatus.SEND_CONTINUE, result);
        assertEquals(List.of("flow.start /wxbind/app/orders?id=7", "redirect " + AUTHORIZE_URL), tail(2));

        calls.clear();
        assertEquals(AuthenticationStatus.SEND_CONTINUE, decide(get("/wechat/login").method("HEAD")));
        assertEquals(List.of("flow.start /wxbind/", "redirect " + AUTHORIZE_URL), tail(2), "no returnTo: the context root");
    }

    @Test
    void branch5WhenReturnUrlForeignThenProblemLeftForThePageAndNoFlowStarted() {
        HttpServletRequest request = get("/wechat/login").param("returnTo", "https://evil.example/").build();
        AuthenticationStatus result = decide(request);
        assertEquals(AuthenticationStatus.NOT_DONE, result);
        FlowOutcome.Problem problem = assertInstanceOf(FlowOutcome.Problem.class, FlowOutcome.of(request).orElseThrow());
        assertEquals(FlowProblem.BAD_RETURN_URL, problem.problem());
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("flow.start")), calls.toString());
    }

    @Test
    void branch5WhenLoginPathPostedThenNoStart() {
        AuthenticationStatus result = decide(get("/wechat/login").method("POST").param("returnTo", "/wxbind/app/"));
        assertEquals(AuthenticationStatus.NOT_DONE, result);
        assertEquals("nothing", calls.get(calls.size() - 1));
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("flow.start")), calls.toString());
    }

    @Test
    void branch6WhenProtectedPageThenStep1BackToThePageWithItsQuery() {
        protectedResource = true;
        AuthenticationStatus result = decide(get("/app/orders").query("id=7"));
        assertEquals(AuthenticationStatus.SEND_CONTINUE, result);
        assertEquals(List.of("flow.start /wxbind/app/orders?id=7", "redirect " + AUTHORIZE_URL), tail(2));
    }

    @Test
    void branch6WhenProtectedApiThen401JsonWithBearerChallengeAndNoFlow() {
        protectedResource = true;
        AuthenticationStatus result = decide(get("/api/me"));
        assertEquals(AuthenticationStatus.SEND_FAILURE, result);
        assertEquals(401, response.status);
        assertEquals("Bearer realm=\"wxbind\", error=\"invalid_token\"", response.headers.get("WWW-Authenticate"));
        assertTrue(response.bodyText().startsWith("{\"error\":\"not_authenticated\""), response.bodyText());
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("flow.start") || c.equals("nothing")), calls.toString());
    }

    @Test
    void branch7WhenNothingAppliesThenNothing() {
        AuthenticationStatus result = decide(get("/public/page").cookie(new Cookie("JSESSIONID", "x")));
        assertEquals(AuthenticationStatus.NOT_DONE, result);
        assertEquals(List.of("bearer matches? false", "session? false", "origin EXEMPT", "callback matches? false", "link matches? false",
                "shadow matches? false", "nothing"), calls);
    }

    @Test
    void validateRequestWhenDatabaseDownOnAPageThen503ProblemForTheErrorPage() {
        link.failure = new IllegalStateException("JPA", new SQLTransientConnectionException("connection refused", "08001"));
        HttpServletRequest request = get("/wechat/link").build();
        AuthenticationStatus result = decide(request);
        assertEquals(AuthenticationStatus.SEND_FAILURE, result);
        assertEquals(503, response.status, "sendError: the container's error page draws the problem");
        assertEquals("", response.bodyText());
        FlowOutcome.Problem problem = assertInstanceOf(FlowOutcome.Problem.class, FlowOutcome.of(request).orElseThrow());
        assertEquals(FlowProblem.DATABASE_UNAVAILABLE, problem.problem());
    }

    @Test
    void validateRequestWhenDatabaseDownOnTheApiThen503JsonWithRetryAfter() {
        bearer.failure = new IllegalStateException("JPA", new SQLTransientConnectionException("connection refused", "08001"));
        AuthenticationStatus result = decide(get("/api/me").header("X-Test-Credential", "bearer"));
        assertEquals(AuthenticationStatus.SEND_FAILURE, result);
        assertEquals(503, response.status);
        assertEquals("5", response.headers.get("Retry-After"));
        assertTrue(response.bodyText().startsWith("{\"error\":\"database_unavailable\""), response.bodyText());
    }

    @Test
    void validateRequestWhenOtherFailureThenRethrownUntouched() {
        IllegalStateException bug = new IllegalStateException("a bug");
        callback.failure = bug;
        assertSame(bug, assertThrows(IllegalStateException.class, () -> decide(get("/wechat/callback"))));
    }

    private List<String> tail(int n) {
        return calls.subList(calls.size() - n, calls.size());
    }
}
