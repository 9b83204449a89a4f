package io.wxbind.auth;

import static io.wxbind.auth.ContainerLogin.isBlankOrLong;

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
import io.wxbind.sms.SmsCodeService;
import io.wxbind.sms.SmsProof;
import io.wxbind.sms.VerifyResult;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * Flow step 4, policy bind: the bind form was posted with the ticket and a proof of account
 * ownership (username + password through the container's identity stores, or phone + SMS
 * code). Guessing is bounded before any proof is checked, so a refused guess learns nothing:
 *
 * <pre>
 *  1. form incomplete                      → the form again, nothing counted
 *  2. GuessLimiter.admit(account, address) → blocked: 429 + Retry-After (throttled_account / _address)
 *  3. tickets.reserveAttempt (row lock)    → burnt: "no longer valid" whatever the proof; unknown: ticket_invalid
 *  4. the proof                            → wrong: the form again with the tries left (the last: "no longer valid")
 *                                          → right: account counter reset, ticket consumed, bound, logged in
 * </pre>
 */
@ApplicationScoped
public class BindStep {

    static final String WRONG_PASSWORD = "wrong_password";
    static final String WRONG_SMS_CODE = "wrong_sms_code";
    static final String TICKET_BURNT = "ticket_burnt";

    /** The outcome of a proof of account ownership, and the sentence for the page when it failed. */
    private record Proof(CredentialValidationResult caller, String failure) {
    }

    /** A complete form: whom it claims to be (what the account limit counts) and how it proves it. */
    private record Claim(GuessSubject account, String auditAccount, boolean bySms) {
    }

    @Inject
    ContainerLogin ends;

    @Inject
    BindTicketStore tickets;

    @Inject
    AccountBindingService bindings;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SmsCodeService sms;

    @Inject
    GuessLimiter limiter;

    @Inject
    ClientAddressResolver addresses;

    @Inject
    Event<AuditEvent> audit;

    AuthenticationStatus handle(HttpServletRequest request, HttpMessageContext context) {
        String rawTicket = request.getParameter("ticket");
        Optional<String> browser = BrowserBinding.hash(request);
        Optional<Claim> claim = request.getParameter("smsCode") != null ? smsClaim(request) : passwordClaim(request);
        if (browser.isEmpty() || claim.isEmpty()) {
            return incomplete(request, context, rawTicket, browser);
        }
        String method = claim.get().bySms() ? "sms" : "password";
        Admission admission = limiter.admit(List.of(claim.get().account(), GuessSubject.address(addresses.of(request).throttleKey())));
        if (admission instanceof Admission.Refused refused) {
            refused(claim.get().auditAccount(), method, refused.reason(), null);
            FlowProblem problem = refused.scope() == LimitScope.ACCOUNT ? FlowProblem.THROTTLED_ACCOUNT : FlowProblem.THROTTLED_ADDRESS;
            new FlowOutcome.Throttled(problem, refused.retryAfterSeconds(), refused.waitText()).attachTo(request);
            return context.doNothing();
        }
        Admission.Granted granted = (Admission.Granted) admission;
        TicketAttempt attempt = tickets.reserveAttempt(rawTicket, browser.get());
        if (!(attempt instanceof TicketAttempt.Reserved reserved)) {
            limiter.unused(granted); // no proof was checked
            if (attempt instanceof TicketAttempt.Burnt) {
                refused(claim.get().auditAccount(), method, TICKET_BURNT, null);
                return ends.problem(request, context, FlowProblem.TOO_MANY_ATTEMPTS, null);
            }
            return ends.problem(request, context, FlowProblem.TICKET_INVALID, null);
        }
        Proof proof = claim.get().bySms() ? bySms(request, rawTicket) : byPassword(request);
        if (proof.caller().getStatus() != CredentialValidationResult.Status.VALID) {
            refused(claim.get().auditAccount(), method, claim.get().bySms() ? WRONG_SMS_CODE : WRONG_PASSWORD, reserved.ticket());
            return wrong(request, context, rawTicket, proof, reserved.left(), claim.get().bySms());
        }
        limiter.succeeded(granted);
        return bind(request, context, rawTicket, browser.get(), proof.caller(),
                claim.get().bySms() ? LoginMethod.WECHAT_BIND_SMS : LoginMethod.WECHAT_BIND_PASSWORD);
    }

    /** Step 1: the form again if the ticket is still good for this browser (nothing is counted). */
    private AuthenticationStatus incomplete(HttpServletRequest request, HttpMessageContext context, String rawTicket,
            Optional<String> browser) {
        if (browser.flatMap(b -> tickets.peek(rawTicket, b)).isEmpty()) {
            return ends.problem(request, context, FlowProblem.TICKET_INVALID, null);
        }
        new FlowOutcome.BindFormError(rawTicket, "Please enter your username and password, or your phone and the 6-digit code.", 400)
                .attachTo(request);
        return context.doNothing();
    }

    /** Step 4, wrong proof: already counted on the ticket and the limits. */
    private AuthenticationStatus wrong(HttpServletRequest request, HttpMessageContext context, String rawTicket, Proof proof,
            int left, boolean bySms) {
        if (left == 0) {
            return ends.problem(request, context, FlowProblem.TOO_MANY_ATTEMPTS, null);
        }
        String message = bySms ? proof.failure() : proof.failure() + " " + left + (left == 1 ? " attempt" : " attempts") + " left.";
        new FlowOutcome.BindFormError(rawTicket, message, 401).attachTo(request);
        return context.doNothing();
    }

    /** Step 4, right proof: the one caller that consumes the ticket binds and logs in. */
    private AuthenticationStatus bind(HttpServletRequest request, HttpMessageContext context, String rawTicket, String browser,
            CredentialValidationResult caller, LoginMethod method) {
        Optional<BindTicket> consumed = tickets.consume(rawTicket, browser);
        if (consumed.isEmpty()) {
            return ends.problem(request, context, FlowProblem.TICKET_INVALID, null);
        }
        BindingResult bound = bindings.bind(consumed.get().identity(), caller.getCallerPrincipal().getName());
        if (bound instanceof BindingResult.Conflict) {
            return ends.problem(request, context, FlowProblem.BINDING_CONFLICT, null);
        }
        return ends.login(request, context, caller, method, consumed.get().returnTo());
    }

    private Optional<Claim> passwordClaim(HttpServletRequest request) {
        String username = request.getParameter("username");
        if (isBlankOrLong(username, 64) || isBlankOrLong(request.getParameter("password"), 256)) {
            return Optional.empty();
        }
        return Optional.of(new Claim(GuessSubject.account(username), username.trim(), false));
    }

    private Optional<Claim> smsClaim(HttpServletRequest request) {
        if (!sms.available()) {
            return Optional.empty();
        }
        return SmsProof.parse(request.getParameter("phone"), request.getParameter("smsCode"))
                .map(p -> new Claim(GuessSubject.phone(p.phone()), null, true));
    }

    /** Username and password through the container's identity stores (a portal's own store works). */
    private Proof byPassword(HttpServletRequest request) {
        UsernamePasswordCredential credential = new UsernamePasswordCredential(request.getParameter("username").trim(),
                new Password(request.getParameter("password")));
        return new Proof(identityStores.validate(credential), "Wrong username or password.");
    }

    /** Phone + SMS code: the code (asked for with this ticket) names the account that owns the phone. */
    private Proof bySms(HttpServletRequest request, String rawTicket) {
        VerifyResult result = sms.verify(request.getParameter("phone"), request.getParameter("smsCode"), SecureTokens.sha256Hex(rawTicket));
        if (result instanceof VerifyResult.Verified v) {
            return new Proof(new CredentialValidationResult(v.callerName()), null);
        }
        return new Proof(CredentialValidationResult.INVALID_RESULT, ((VerifyResult.Failed) result).message());
    }

    /** An audit entry for a refused try: the reason, never the password, code or ticket. */
    private void refused(String account, String method, String reason, BindTicket ticket) {
        AuditEvent event = AuditEvent.of(AuditKind.REFUSED, account).withMethod(method).withReason(reason);
        audit.fire(ticket == null ? event : event.withWeChat(ticket.identity().appId(), LogSafe.shortId(ticket.identity().openId())));
    }
}
