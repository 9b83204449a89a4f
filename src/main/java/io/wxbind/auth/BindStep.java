package io.wxbind.auth;

import static io.wxbind.auth.ContainerLogin.isBlankOrLong;
import static io.wxbind.auth.ContainerLogin.login;
import static io.wxbind.auth.ContainerLogin.problem;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.BindingResult;
import io.wxbind.auth.flow.BindTicket;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.sms.SmsCodeService;
import io.wxbind.sms.VerifyResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Flow step 4, policy bind: the bind form was posted with the ticket and a proof of account
 * ownership (username + password through the container's identity stores, or phone + SMS
 * code). Wrong proofs count against the ticket; the ticket is consumed only on success.
 */
@ApplicationScoped
public class BindStep {

    /** The outcome of a proof of account ownership, and the sentence for the page when it failed. */
    private record Proof(CredentialValidationResult caller, String failure) {
    }

    @Inject
    BindTicketStore tickets;

    @Inject
    AccountBindingService bindings;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SmsCodeService sms;

    AuthenticationStatus handle(HttpServletRequest request, HttpMessageContext context) {
        String rawTicket = request.getParameter("ticket");
        Optional<String> browser = BrowserBinding.hash(request);
        Optional<BindTicket> ticket = browser.flatMap(b -> tickets.peek(rawTicket, b));
        if (ticket.isEmpty()) {
            return problem(request, context, FlowProblem.TICKET_INVALID, null);
        }
        boolean bySms = request.getParameter("smsCode") != null;
        Optional<Proof> account = bySms ? bySms(request) : byPassword(request);
        if (account.isEmpty()) {
            new FlowOutcome.BindFormError(rawTicket, "Please enter your username and password, or your phone and the code.", 400)
                    .attachTo(request);
            return context.doNothing();
        }
        if (account.get().caller().getStatus() != CredentialValidationResult.Status.VALID) {
            int left = tickets.recordFailure(rawTicket);
            if (left == 0) {
                return problem(request, context, FlowProblem.TOO_MANY_ATTEMPTS, null);
            }
            String message = bySms ? account.get().failure()
                    : account.get().failure() + " " + left + (left == 1 ? " attempt" : " attempts") + " left.";
            new FlowOutcome.BindFormError(rawTicket, message, 401).attachTo(request);
            return context.doNothing();
        }
        Optional<BindTicket> consumed = tickets.consume(rawTicket, browser.get());
        if (consumed.isEmpty()) {
            return problem(request, context, FlowProblem.TICKET_INVALID, null);
        }
        CredentialValidationResult caller = account.get().caller();
        BindingResult bound = bindings.bind(consumed.get().identity(), caller.getCallerPrincipal().getName());
        if (bound instanceof BindingResult.Conflict) {
            return problem(request, context, FlowProblem.BINDING_CONFLICT, null);
        }
        return login(request, context, caller, bySms ? LoginMethod.WECHAT_BIND_SMS : LoginMethod.WECHAT_BIND_PASSWORD,
                consumed.get().returnTo());
    }

    /** Username and password through the container's identity stores (a portal's own store works). */
    private Optional<Proof> byPassword(HttpServletRequest request) {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (isBlankOrLong(username, 64) || isBlankOrLong(password, 256)) {
            return Optional.empty();
        }
        return Optional.of(new Proof(identityStores.validate(new UsernamePasswordCredential(username.trim(), new Password(password))),
                "Wrong username or password."));
    }

    /** Phone + SMS code: the code names the account that owns the phone. */
    private Optional<Proof> bySms(HttpServletRequest request) {
        String phone = request.getParameter("phone");
        String code = request.getParameter("smsCode");
        if (!sms.available() || isBlankOrLong(phone, 32) || isBlankOrLong(code, 16)) {
            return Optional.empty();
        }
        VerifyResult result = sms.verify(phone, code);
        if (result instanceof VerifyResult.Verified v) {
            return Optional.of(new Proof(new CredentialValidationResult(v.callerName()), null));
        }
        return Optional.of(new Proof(CredentialValidationResult.INVALID_RESULT, ((VerifyResult.Failed) result).message()));
    }
}
