package io.wxbind.auth;

import io.wxbind.auth.flow.LoginProblem;
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
import io.wxbind.util.ByPriority;
import io.wxbind.wechat.LogSafe;
import io.wxbind.config.MechanismConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;

/**
 * Flow step 4, policy bind: the bind form was posted with the ticket and a proof of account
 * ownership, one of the {@link BindProof}s (username + password, phone + SMS code, ...).
 * Guessing is bounded before any proof is checked, so a refused guess learns nothing:
 *
 * <pre>
 *  1. form incomplete                      → the form again, nothing counted
 *  2. GuessLimiter.admit(account, address) → blocked: 429 + Retry-After (throttled_account / _address)
 *  3. tickets.reserveAttempt (row lock)    → burnt: "no longer valid" whatever the proof; unknown: ticket_invalid
 *  4. the proof                            → wrong: the form again with the proof's sentence (the last: "no longer valid")
 *                                          → right: account counter reset, ticket consumed, bound, logged in
 * </pre>
 */
@ApplicationScoped
@Priority(200)
public class BindFormEntry implements LoginEntry {

    static final String TICKET_BURNT = "ticket_burnt";

    @Inject
    MechanismConfig paths = MechanismConfig.DEFAULTS;

    @Inject
    ContainerLogin ends;

    @Inject
    BindTicketStore tickets;

    @Inject
    AccountBindingService bindings;

    @Inject
    GuessLimiter limiter;

    @Inject
    ClientAddressResolver addresses;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Instance<BindProof> contributedProofs;

    /** The proofs in {@code @Priority} order (tests set them directly). */
    List<BindProof> proofs;

    @PostConstruct
    void orderProofs() {
        proofs = ByPriority.of(contributedProofs);
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return LoginEntry.path(request).equals(paths.bindPath()) && "POST".equals(request.getMethod());
    }

    @Override
    public AuthenticationStatus handle(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String rawTicket = request.getParameter("ticket");
        Optional<String> browser = BrowserBinding.hash(request);
        Optional<BindProof> proof = proofs.stream().filter(p -> p.chosen(request)).findFirst();
        Optional<BindProof.Claim> claim = proof.flatMap(p -> p.claim(request));
        if (browser.isEmpty() || claim.isEmpty()) {
            return incomplete(request, context, rawTicket, browser);
        }
        String method = claim.get().method();
        Admission admission = limiter.admit(List.of(claim.get().account(), GuessSubject.address(addresses.of(request).throttleKey())));
        if (admission instanceof Admission.Refused refused) {
            refused(claim.get().auditAccount(), method, refused.reason(), null);
            LoginProblem problem = refused.scope() == LimitScope.ACCOUNT ? FlowProblem.THROTTLED_ACCOUNT : FlowProblem.THROTTLED_ADDRESS;
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
        BindProof.Verdict verdict = proof.get().prove(request, rawTicket, reserved.left());
        if (verdict instanceof BindProof.Verdict.Wrong wrong) {
            refused(claim.get().auditAccount(), method, wrong.auditReason(), reserved.ticket());
            return wrong(request, context, rawTicket, wrong.message(), reserved.left());
        }
        limiter.succeeded(granted);
        BindProof.Verdict.Proven proven = (BindProof.Verdict.Proven) verdict;
        return bind(request, context, rawTicket, browser.get(), proven.caller(), proven.method());
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
    private AuthenticationStatus wrong(HttpServletRequest request, HttpMessageContext context, String rawTicket, String message,
            int left) {
        if (left == 0) {
            return ends.problem(request, context, FlowProblem.TOO_MANY_ATTEMPTS, null);
        }
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

    /** An audit entry for a refused try: the reason, never the password, code or ticket. */
    private void refused(String account, String method, String reason, BindTicket ticket) {
        AuditEvent event = AuditEvent.of(AuditKind.REFUSED, account).withMethod(method).withReason(reason);
        audit.fire(ticket == null ? event : event.withWeChat(ticket.identity().appId(), LogSafe.shortId(ticket.identity().openId())));
    }
}
