package io.wxbind.auth;

import io.wxbind.account.AccountBindingService;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.Continuation;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.config.FirstLoginPolicy;
import io.wxbind.config.WeChatConfig;
import io.wxbind.util.ByPriority;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatIdentity;
import io.wxbind.wechat.WeChatUnavailableException;
import io.wxbind.config.MechanismConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Steps 2, 3 and 4 of the web flow ({@link WeChatAuthenticationMechanism}): WeChat sent the
 * browser back with a code. A login that a feature started for its own purpose carries a
 * {@link Continuation}; the {@link CallbackContinuation} of its kind has the first word (a chat
 * bind link: is this the openid it was sent to? a QR confirm link: to the answer page).
 */
@ApplicationScoped
@Priority(100)
public class CallbackEntry implements LoginEntry {

    private static final Logger LOG = Logger.getLogger(CallbackEntry.class.getName());

    @Inject
    MechanismConfig paths = MechanismConfig.DEFAULTS;

    @Inject
    ContainerLogin ends;

    @Inject
    WeChatConfig config;

    @Inject
    LoginFlow flow;

    @Inject
    BindTicketStore tickets;

    @Inject
    AccountBindingService bindings;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    OfficialUnionIds unionIds;

    @Inject
    Instance<CallbackContinuation> contributedContinuations;

    /** The features' continuations in {@code @Priority} order (tests set them directly). */
    List<CallbackContinuation> continuations;

    @PostConstruct
    void orderContinuations() {
        continuations = ByPriority.of(contributedContinuations);
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return LoginEntry.path(request).equals(flow.callbackPath());
    }

    /** Steps 2, 3 and 4. */
    @Override
    public AuthenticationStatus handle(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        CallbackResult result = flow.complete(request, response);
        if (result instanceof CallbackResult.Failed failed) {
            return ends.problem(request, context, failed.problem(), null);
        }
        CallbackResult.Identified identified = (CallbackResult.Identified) result;
        Optional<Continuation> continuation = identified.request().continuation();
        if (continuation.isPresent()) {
            Optional<AuthenticationStatus> answered = resume(request, context, identified, continuation.get());
            if (answered.isPresent()) {
                return answered.get();
            }
        }
        OfficialUnionIds.Step unionIdStep = unionIds.complete(request, response, identified); // 2b
        if (unionIdStep instanceof OfficialUnionIds.Ask ask) {
            return context.redirect(ask.authorizeUrl());
        }
        identified = ((OfficialUnionIds.Known) unionIdStep).identified();
        String returnTo = identified.request().returnTo();
        CredentialValidationResult bound = identityStores.validate(new WeChatCredential(identified.identity()));
        if (bound.getStatus() == CredentialValidationResult.Status.VALID) {
            return ends.login(request, context, bound, LoginMethod.WECHAT, returnTo);
        }
        if (bound.getStatus() == CredentialValidationResult.Status.INVALID) {
            return ends.problem(request, context, refusal(identified.identity()), null);
        }
        if (config.firstLogin() == FirstLoginPolicy.BIND) {
            String ticket = tickets.issue(identified.identity(), BrowserBinding.ensure(request, response), returnTo);
            LOG.fine("step 4: unbound openid, bind ticket issued");
            return context.redirect(request.getContextPath() + paths.bindPath() + "?ticket=" + ticket);
        }
        return register(request, context, identified, returnTo);
    }

    /** Why a bound WeChat was refused: its unionid stands for another account, else the account is disabled or gone. */
    private FlowProblem refusal(WeChatIdentity identity) {
        return bindings.unionIdConflictOf(identity).isPresent() ? FlowProblem.UNIONID_CONFLICT : FlowProblem.ACCOUNT_UNAVAILABLE;
    }

    /** Step 2 of a feature's login: its continuation decides first; a kind nobody serves (an old deployment's) is a stale login. */
    private Optional<AuthenticationStatus> resume(HttpServletRequest request, HttpMessageContext context,
            CallbackResult.Identified identified, Continuation continuation) {
        Optional<CallbackContinuation> feature = continuations.stream().filter(c -> c.kind().equals(continuation.kind())).findFirst();
        if (feature.isEmpty()) {
            return Optional.of(ends.problem(request, context, FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, null));
        }
        return feature.get().resume(request, context, identified, continuation.ticketHash());
    }

    /** Step 4, policy register. */
    private AuthenticationStatus register(HttpServletRequest request, HttpMessageContext context,
            CallbackResult.Identified identified, String returnTo) {
        WeChatIdentity withProfile;
        try {
            withProfile = flow.withProfile(identified);
        } catch (WeChatApiException e) {
            return ends.problem(request, context, FlowProblem.of(e), returnTo);
        } catch (WeChatUnavailableException e) {
            return ends.problem(request, context, FlowProblem.WECHAT_UNAVAILABLE, returnTo);
        }
        // The profile may carry a unionid that is already bound through another app.
        CredentialValidationResult known = identityStores.validate(new WeChatCredential(withProfile));
        if (known.getStatus() == CredentialValidationResult.Status.VALID) {
            return ends.login(request, context, known, LoginMethod.WECHAT, returnTo);
        }
        if (known.getStatus() == CredentialValidationResult.Status.INVALID) {
            return ends.problem(request, context, refusal(withProfile), null);
        }
        bindings.register(withProfile, config.defaultGroups());
        CredentialValidationResult created = identityStores.validate(new WeChatCredential(withProfile));
        return ends.login(request, context, created, LoginMethod.WECHAT_REGISTER, returnTo);
    }
}
