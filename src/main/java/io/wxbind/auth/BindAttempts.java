package io.wxbind.auth;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.BindingResult;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.flow.BindTicket;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.auth.flow.TicketAttempt;
import io.wxbind.client.ClientAddressResolver;
import io.wxbind.guard.Admission;
import io.wxbind.guard.GuessLimiter;
import io.wxbind.guard.GuessSubject;
import io.wxbind.guard.LimitScope;
import io.wxbind.util.ByPriority;
import io.wxbind.wechat.LogSafe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * One try to bind a ticket's WeChat to an account with a {@link BindProof} (username + password,
 * phone + SMS code, ...), whoever asks: the bind form ({@link BindFormEntry}) or a JSON API
 * (a mini program). Guessing is bounded before any proof is checked, so a refused guess learns nothing:
 *
 * <pre>
 *  1. proof incomplete                     → Incomplete, nothing counted
 *  2. GuessLimiter.admit(account, address) → Throttled (throttled_account / _address)
 *  3. tickets.reserveAttempt (row lock)    → burnt: Refused(too_many_attempts) whatever the proof; unknown: Refused(ticket_invalid)
 *  4. the proof                            → wrong: Wrong with the proof's sentence (the last: Refused(too_many_attempts))
 *                                          → right: account counter reset, ticket consumed, bound: Bound
 * </pre>
 *
 * The ticket's holder is named by {@code holder}: a browser's hash for the form, an API client's for JSON.
 */
@ApplicationScoped
public class BindAttempts {

    static final String TICKET_BURNT = "ticket_burnt";

    /** What came of the try. */
    public sealed interface Outcome {

        /** No proof was given (or only part of one); {@code ticketValid}: the ticket may still be used. */
        record Incomplete(boolean ticketValid) implements Outcome {
        }

        record Throttled(LoginProblem problem, long retryAfterSeconds, String waitText) implements Outcome {
        }

        /** Nothing more can be done with this ticket (invalid, burnt, or the WeChat is bound elsewhere). */
        record Refused(LoginProblem problem) implements Outcome {
        }

        /** A wrong proof, counted; {@code left} more tries on the ticket. */
        record Wrong(String message, int left) implements Outcome {
        }

        /** Bound: the caller proved the account and the ticket's WeChat is now bound to it. */
        record Bound(CredentialValidationResult caller, LoginMethod method, BindTicket ticket) implements Outcome {
        }
    }

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

    /** Steps 1-4 for the proof the request carries (as request parameters). */
    public Outcome attempt(HttpServletRequest request, String rawTicket, Optional<String> holder) {
        Optional<BindProof> proof = proofs.stream().filter(p -> p.chosen(request)).findFirst();
        Optional<BindProof.Claim> claim = proof.flatMap(p -> p.claim(request));
        if (holder.isEmpty() || claim.isEmpty()) {
            return new Outcome.Incomplete(holder.flatMap(h -> tickets.peek(rawTicket, h)).isPresent());
        }
        String method = claim.get().method();
        Admission admission = limiter.admit(List.of(claim.get().account(), GuessSubject.address(addresses.of(request).throttleKey())));
        if (admission instanceof Admission.Refused refused) {
            refused(claim.get().auditAccount(), method, refused.reason(), null);
            LoginProblem problem = refused.scope() == LimitScope.ACCOUNT ? FlowProblem.THROTTLED_ACCOUNT : FlowProblem.THROTTLED_ADDRESS;
            return new Outcome.Throttled(problem, refused.retryAfterSeconds(), refused.waitText());
        }
        Admission.Granted granted = (Admission.Granted) admission;
        TicketAttempt attempt = tickets.reserveAttempt(rawTicket, holder.get());
        if (!(attempt instanceof TicketAttempt.Reserved reserved)) {
            limiter.unused(granted); // no proof was checked
            if (attempt instanceof TicketAttempt.Burnt) {
                refused(claim.get().auditAccount(), method, TICKET_BURNT, null);
                return new Outcome.Refused(FlowProblem.TOO_MANY_ATTEMPTS);
            }
            return new Outcome.Refused(FlowProblem.TICKET_INVALID);
        }
        BindProof.Verdict verdict = proof.get().prove(request, rawTicket, reserved.left());
        if (verdict instanceof BindProof.Verdict.Wrong wrong) {
            refused(claim.get().auditAccount(), method, wrong.auditReason(), reserved.ticket());
            return reserved.left() == 0 ? new Outcome.Refused(FlowProblem.TOO_MANY_ATTEMPTS) : new Outcome.Wrong(wrong.message(), reserved.left());
        }
        limiter.succeeded(granted);
        BindProof.Verdict.Proven proven = (BindProof.Verdict.Proven) verdict;
        return bind(rawTicket, holder.get(), proven.caller(), proven.method());
    }

    /** Step 4, right proof: the one caller that consumes the ticket binds. */
    private Outcome bind(String rawTicket, String holder, CredentialValidationResult caller, LoginMethod method) {
        Optional<BindTicket> consumed = tickets.consume(rawTicket, holder);
        if (consumed.isEmpty()) {
            return new Outcome.Refused(FlowProblem.TICKET_INVALID);
        }
        BindingResult bound = bindings.bind(consumed.get().identity(), caller.getCallerPrincipal().getName());
        if (bound instanceof BindingResult.Conflict) {
            return new Outcome.Refused(FlowProblem.BINDING_CONFLICT);
        }
        return new Outcome.Bound(caller, method, consumed.get());
    }

    /** An audit entry for a refused try: the reason, never the password, code or ticket. */
    private void refused(String account, String method, String reason, BindTicket ticket) {
        AuditEvent event = AuditEvent.of(AuditKind.REFUSED, account).withMethod(method).withReason(reason);
        audit.fire(ticket == null ? event : event.withWeChat(ticket.identity().appId(), LogSafe.shortId(ticket.identity().openId())));
    }
}
