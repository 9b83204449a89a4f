package io.wxbind.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.flow.BindTicket;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.SecureTokens;
import io.wxbind.auth.flow.TicketAttempt;
import io.wxbind.auth.flow.WeChatIdentity;
import io.wxbind.client.ClientAddressResolver;
import io.wxbind.guard.Admission;
import io.wxbind.guard.GuessLimiter;
import io.wxbind.guard.GuessSubject;
import io.wxbind.guard.LimitScope;
import io.wxbind.sms.SmsCodeService;
import io.wxbind.sms.VerifyResult;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.testsupport.FiredEvents;
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
 * The order of the bind step against doubles: limits, then the ticket's try, then the proof; a
 * refused try never reaches the identity store or the SMS code, and every refusal is audited
 * without secrets.
 */
class BindStepTest {

    private static final String TICKET = "T".repeat(43);
    private static final String COOKIE = "C".repeat(43);
    private static final String OPENID = "oFULLOPENID_never_in_audit_01";

    private final List<String> calls = new ArrayList<>();
    private final FiredEvents<AuditEvent> audit = new FiredEvents<>();
    private Admission admission = new Admission.Granted(List.of());
    private TicketAttempt attempt = reserved(4);
    private VerifyResult smsResult = new VerifyResult.Failed(VerifyResult.Reason.WRONG_CODE, 3);

    private final BindStep step = new BindStep();

    BindStepTest() {
        step.tickets = new Tickets();
        step.identityStores = new IdentityStoreHandler() {
            @Override
            public CredentialValidationResult validate(Credential credential) {
                calls.add("password checked for " + ((UsernamePasswordCredential) credential).getCaller());
                return CredentialValidationResult.INVALID_RESULT;
            }
        };
        step.sms = new SmsCodeService() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public VerifyResult verify(String phone, String code, String ticketHash) {
                calls.add("code checked with ticket " + ticketHash);
                return smsResult;
            }
        };
        step.limiter = new GuessLimiter() {
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
        step.addresses = new ClientAddressResolver("");
        step.audit = audit.event();
        step.ends = new ContainerLogin();
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
            throw new UnsupportedOperationException("not in these tests");
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
        step.handle(request, context());
        return FlowOutcome.of(request).orElseThrow();
    }

    private static HttpMessageContext context() {
        return (HttpMessageContext) Proxy.newProxyInstance(BindStepTest.class.getClassLoader(), new Class<?>[] {HttpMessageContext.class},
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
    void handleWhenSmsCodeThenPhoneIsTheAccountAndTheCodeIsCheckedWithThisTicket() {
        FlowOutcome.BindFormError e = assertInstanceOf(FlowOutcome.BindFormError.class,
                handle(form("phone", "138 0000 0002", "smsCode", "123 456")));
        assertEquals("Wrong code. 3 tries left.", e.message());
        assertEquals(List.of("admit [ACCOUNT=phone:+8613800000002, ADDRESS=address:unknown]", "reserve ticket",
                "code checked with ticket " + SecureTokens.sha256Hex(TICKET)), calls);
        assertEquals(List.of("wrong_sms_code"), reasons());
        assertEquals("sms", audit.fired.get(0).method());
    }

    @Test
    void handleWhenFormIncompleteOrMalformedThenFormAgainAndNothingCounted() {
        for (FakeHttp.Request f : List.of(form("username", "", "password", ""), form("phone", "13800000002", "smsCode", "12"),
                form("phone", "call me", "smsCode", "123456"))) {
            FlowOutcome.BindFormError e = assertInstanceOf(FlowOutcome.BindFormError.class, handle(f));
            assertEquals(400, e.status());
        }
        assertTrue(calls.stream().allMatch("peek"::equals), calls.toString());
        assertTrue(audit.fired.isEmpty());
    }
}
