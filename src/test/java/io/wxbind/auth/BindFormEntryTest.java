package io.wxbind.auth;

import io.wxbind.sms.SmsBindProof;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.BindingResult;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.flow.BindTicket;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.TicketAttempt;
import io.wxbind.client.ClientAddressResolver;
import io.wxbind.guard.Admission;
import io.wxbind.guard.GuessLimiter;
import io.wxbind.guard.GuessSubject;
import io.wxbind.guard.LimitScope;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.testsupport.FiredEvents;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The order of the bind form entry against doubles: limits, then the ticket's try, then the
 * proof; a refused try never reaches the identity store or another proof, and every refusal is
 * audited without secrets. The password proof is the real one; a second proof (chosen by a
 * {@code code} field, as the SMS proof is by {@code smsCode}) stands for the features' proofs.
 */
class BindFormEntryTest {

    private static final String TICKET = "T".repeat(43);
    private static final String COOKIE = "C".repeat(43);
    private static final String OPENID = "oFULLOPENID_never_in_audit_01";

    private final List<String> calls = new ArrayList<>();
    private final FiredEvents<AuditEvent> audit = new FiredEvents<>();
    private Admission admission = new Admission.Granted(List.of());
    private TicketAttempt attempt = reserved(4);
    private CredentialValidationResult passwordResult = CredentialValidationResult.INVALID_RESULT;
    private BindingResult bindResult = new BindingResult.Bound("carol");
    private BindProof.Verdict codeVerdict = new BindProof.Verdict.Wrong("Wrong code. 3 tries left.", "wrong_code");

    private final BindFormEntry step = new BindFormEntry();

    BindFormEntryTest() {
        step.attempts = new BindAttempts();
        step.attempts.tickets = new Tickets();
        PasswordBindProof password = new PasswordBindProof();
        password.identityStores = new IdentityStoreHandler() {
            @Override
            public CredentialValidationResult validate(Credential credential) {
                calls.add("password checked for " + ((UsernamePasswordCredential) credential).getCaller());
                return passwordResult;
            }
        };
        step.attempts.proofs = List.of(new CodeProof(), password);
        step.attempts.limiter = new GuessLimiter() {
            @Override
            public Admission admit(List<GuessSubject> subjects) {
                calls.add("admit " + subjects.stream().map(s -> s.scope() + "=" + s.key()).toList());
                return admission;
            }

            @Override
            public void succeeded(Admission.Granted granted) {
                calls.add("succeeded");
            }

            @Override
            public void unused(Admission.Granted granted) {
                calls.add("unused");
            }
        };
        step.attempts.addresses = new ClientAddressResolver("");
        step.attempts.audit = audit.event();
        step.ends = new ContainerLogin() {
            @Override
            public AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, CredentialValidationResult caller,
                    LoginMethod method, String returnTo) {
                calls.add("login " + caller.getCallerPrincipal().getName() + " via " + method + " to " + returnTo);
                return AuthenticationStatus.SUCCESS;
            }
        };
        step.attempts.bindings = new AccountBindingService() {
            @Override
            public BindingResult bind(WeChatIdentity identity, String accountName) {
                calls.add("bind " + identity.appId() + " to " + accountName);
                return bindResult;
            }
        };
        step.ends.audit = new LoginAudit();
        step.ends.audit.events = audit.event();
        step.ends.audit.config = io.wxbind.config.WeChatConfig.read(k -> java.util.Optional.ofNullable(
                java.util.Map.of("wechat.app-id", "wx1a2b3c4d5e6f7a8b", "wechat.app-secret", "s3cret").get(k)));
    }

    private static TicketAttempt reserved(int left) {
        Instant now = Instant.now();
        return new TicketAttempt.Reserved(new BindTicket("h", "b", new WeChatIdentity("wxA", OPENID, null, null, null), "/", now,
                now.plusSeconds(300)), left);
    }

    private final class Tickets implements BindTicketStore {
        @Override
        public String issue(WeChatIdentity identity, String browserHash, String returnTo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<BindTicket> peek(String rawTicket, String browserHash) {
            calls.add("peek");
            return TICKET.equals(rawTicket) ? Optional.of(((TicketAttempt.Reserved) reserved(5)).ticket()) : Optional.empty();
        }

        @Override
        public TicketAttempt reserveAttempt(String rawTicket, String browserHash) {
            calls.add("reserve ticket");
            assertEquals(SecureTokens.sha256Hex(COOKIE), browserHash);
            return attempt;
        }

        @Override
        public Optional<BindTicket> consume(String rawTicket, String browserHash) {
            calls.add("consume");
            return Optional.of(((TicketAttempt.Reserved) reserved(4)).ticket());
        }
    }

    /** A feature's proof: chosen by a {@code code} field, complete with a 6-digit code, the account named by the phone. */
    private final class CodeProof implements BindProof {
        @Override
        public boolean chosen(HttpServletRequest request) {
            return request.getParameter("code") != null;
        }

        @Override
        public Optional<Claim> claim(HttpServletRequest request) {
            return request.getParameter("code").matches("[0-9]{6}")
                    ? Optional.of(new Claim(GuessSubject.phone(request.getParameter("phone")), null, "code")) : Optional.empty();
        }

        @Override
        public Verdict prove(HttpServletRequest request, String rawTicket, int triesLeft) {
            calls.add("code checked with ticket " + rawTicket + ", " + triesLeft + " left");
            return codeVerdict;
        }
    }

    private FakeHttp.Request form(String... nameValues) {
        FakeHttp.Request r = new FakeHttp.Request().method("POST").uri("/wxbind/wechat/bind").param("ticket", TICKET)
                .cookie(new Cookie(BrowserBinding.COOKIE, COOKIE));
        for (int i = 0; i < nameValues.length; i += 2) {
            r.param(nameValues[i], nameValues[i + 1]);
        }
        return r;
    }

    private FlowOutcome handle(FakeHttp.Request form) {
        HttpServletRequest request = form.build();
        step.handle(request, new FakeHttp.Response().build(), context());
        return FlowOutcome.of(request).orElseThrow();
    }

    private static HttpMessageContext context() {
        return (HttpMessageContext) Proxy.newProxyInstance(BindFormEntryTest.class.getClassLoader(), new Class<?>[] {HttpMessageContext.class},
                (proxy, m, args) -> null);
    }

    private List<String> reasons() {
        return audit.fired.stream().map(AuditEvent::reason).toList();
    }

    @Test
    void handleWhenAccountBlockedThen429WithWaitAndNeitherTicketNorPasswordTouched() {
        admission = new Admission.Refused(LimitScope.ACCOUNT, Duration.ofSeconds(90));
        FlowOutcome.Throttled t = assertInstanceOf(FlowOutcome.Throttled.class,
                handle(form("username", " Alice ", "password", "alice-password")));
        assertEquals(FlowProblem.THROTTLED_ACCOUNT, t.problem());
        assertEquals(429, t.problem().status());
        assertEquals(90, t.retryAfterSeconds());
        assertEquals("90 seconds", t.waitText());
        assertEquals(List.of("admit [ACCOUNT=user:alice, ADDRESS=address:unknown]"), calls, "the right password is not even checked");
        assertEquals(List.of("throttled_account"), reasons());
        assertEquals("Alice", audit.fired.get(0).account());
        assertEquals("password", audit.fired.get(0).method());
    }

    @Test
    void handleWhenAddressBlockedThenThrottledAddress() {
        admission = new Admission.Refused(LimitScope.ADDRESS, Duration.ofMinutes(5));
        FlowOutcome.Throttled t = assertInstanceOf(FlowOutcome.Throttled.class, handle(form("username", "x", "password", "y")));
        assertEquals(FlowProblem.THROTTLED_ADDRESS, t.problem());
        assertEquals("5 minutes", t.waitText());
        assertEquals(List.of("throttled_address"), reasons());
    }

    @Test
    void handleWhenTicketBurntThenNoLongerValidWithoutCheckingAndTheTriesHandedBack() {
        attempt = new TicketAttempt.Burnt();
        FlowOutcome.Problem p = assertInstanceOf(FlowOutcome.Problem.class, handle(form("username", "bob", "password", "bob-password")));
        assertEquals(FlowProblem.TOO_MANY_ATTEMPTS, p.problem());
        assertEquals(List.of("admit [ACCOUNT=user:bob, ADDRESS=address:unknown]", "reserve ticket", "unused"), calls);
        assertEquals(List.of("ticket_burnt", "too_many_attempts"), reasons(), "the guard's reason, then the page's problem code");
    }

    @Test
    void handleWhenTicketUnknownThenTicketInvalidAndTriesHandedBack() {
        attempt = new TicketAttempt.Invalid();
        FlowOutcome.Problem p = assertInstanceOf(FlowOutcome.Problem.class, handle(form("username", "bob", "password", "x")));
        assertEquals(FlowProblem.TICKET_INVALID, p.problem());
        assertTrue(calls.contains("unused"));
        assertFalse(calls.stream().anyMatch(c -> c.startsWith("password checked")));
    }

    @Test
    void handleWhenWrongPasswordThenCountedOnceFormWithTriesLeftAndAuditedWithShortOpenId() {
        FlowOutcome.BindFormError e = assertInstanceOf(FlowOutcome.BindFormError.class, handle(form("username", "bob", "password", "nope")));
        assertEquals(401, e.status());
        assertEquals("Wrong username or password. 4 attempts left.", e.message());
        assertEquals(List.of("admit [ACCOUNT=user:bob, ADDRESS=address:unknown]", "reserve ticket", "password checked for bob"), calls,
                "a wrong proof needs nothing more: it was counted before the check");
        AuditEvent event = audit.fired.get(0);
        assertEquals(AuditKind.REFUSED, event.kind());
        assertEquals("wrong_password", event.reason());
        assertEquals("wxA", event.appId());
        assertFalse(event.toString().contains(OPENID) || event.toString().contains("nope") || event.toString().contains(TICKET),
                event.toString());
    }

    @Test
    void handleWhenLastTryWrongThenNoLongerValid() {
        attempt = reserved(0);
        FlowOutcome.Problem p = assertInstanceOf(FlowOutcome.Problem.class, handle(form("username", "bob", "password", "nope")));
        assertEquals(FlowProblem.TOO_MANY_ATTEMPTS, p.problem());
    }

    @Test
    void handleWhenAnotherProofChosenThenItsClaimIsCountedAndItsVerdictShownNotThePasswords() {
        FlowOutcome.BindFormError e = assertInstanceOf(FlowOutcome.BindFormError.class,
                handle(form("phone", "+8613800000002", "code", "123456", "username", "bob", "password", "bob-password")));
        assertEquals(401, e.status());
        assertEquals("Wrong code. 3 tries left.", e.message(), "the proof's own sentence, without the password's tries count");
        assertEquals(List.of("admit [ACCOUNT=phone:+8613800000002, ADDRESS=address:unknown]", "reserve ticket",
                "code checked with ticket " + TICKET + ", 4 left"), calls, "the first proof that is chosen reads the form");
        assertEquals(List.of("wrong_code"), reasons());
        assertEquals("code", audit.fired.get(0).method());
    }

    @Test
    void handleWhenChosenProofsFormIncompleteThenFormAgainEvenWithAPasswordBesideIt() {
        FlowOutcome.BindFormError e = assertInstanceOf(FlowOutcome.BindFormError.class,
                handle(form("code", "12", "username", "bob", "password", "bob-password")));
        assertEquals(400, e.status());
        assertEquals(List.of("peek"), calls, "no fall-back to the password: the form chose the other proof");
    }

    @Test
    void handleWhenRightProofThenLimitResetTicketConsumedBoundAndLoggedInWithTheProofsMethod() {
        codeVerdict = new BindProof.Verdict.Proven(new CredentialValidationResult("carol"), SmsBindProof.METHOD);
        AuthenticationStatus status = step.handle(form("phone", "+8613800000002", "code", "654321").build(), new FakeHttp.Response().build(),
                context());
        assertEquals(AuthenticationStatus.SUCCESS, status);
        assertEquals(List.of("admit [ACCOUNT=phone:+8613800000002, ADDRESS=address:unknown]", "reserve ticket",
                "code checked with ticket " + TICKET + ", 4 left", "succeeded", "consume", "bind wxA to carol",
                "login carol via WECHAT_BIND_SMS to /"), calls);
        assertTrue(audit.fired.isEmpty(), "nothing refused");
    }

    @Test
    void handleWhenRightPasswordThenBoundAndLoggedInAsTheIdentityStoresCaller() {
        passwordResult = new CredentialValidationResult("bob", java.util.Set.of("user"));
        AuthenticationStatus status = step.handle(form("username", "bob", "password", "bob-password").build(),
                new FakeHttp.Response().build(), context());
        assertEquals(AuthenticationStatus.SUCCESS, status);
        assertEquals(List.of("admit [ACCOUNT=user:bob, ADDRESS=address:unknown]", "reserve ticket", "password checked for bob",
                "succeeded", "consume", "bind wxA to bob", "login bob via WECHAT_BIND_PASSWORD to /"), calls);
    }

    @Test
    void handleWhenProvenButBoundElsewhereMeanwhileThenConflictAndNobodyLoggedIn() {
        codeVerdict = new BindProof.Verdict.Proven(new CredentialValidationResult("carol"), SmsBindProof.METHOD);
        bindResult = new BindingResult.Conflict("dave");
        FlowOutcome.Problem p = assertInstanceOf(FlowOutcome.Problem.class, handle(form("phone", "+8613800000002", "code", "654321")));
        assertEquals(FlowProblem.BINDING_CONFLICT, p.problem());
        assertFalse(calls.stream().anyMatch(c -> c.startsWith("login")), calls.toString());
    }

    @Test
    void handleWhenFormIncompleteOrMalformedThenFormAgainAndNothingCounted() {
        for (FakeHttp.Request f : List.of(form("username", "", "password", ""), form("username", "bob", "password", "x".repeat(257)),
                form("phone", "13800000002", "code", "12"), form("password", "no-username"))) {
            FlowOutcome.BindFormError e = assertInstanceOf(FlowOutcome.BindFormError.class, handle(f));
            assertEquals(400, e.status());
        }
        assertTrue(calls.stream().allMatch("peek"::equals), calls.toString());
        assertTrue(audit.fired.isEmpty());
    }
}
