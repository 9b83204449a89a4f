package io.wxbind.website;

import io.wxbind.account.AccountBindingService;
import io.wxbind.auth.CallbackContinuation;
import io.wxbind.auth.ContainerLogin;
import io.wxbind.auth.LoginMethod;
import io.wxbind.auth.WeChatCredential;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.Continuation;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.config.WeChatApp;
import io.wxbind.config.WebsiteConfig;
import io.wxbind.util.SecureTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Flow step 2 of a website QR login: WeChat vouched for the person through the website app (the
 * code was exchanged with its credentials, the pending login names it). Bound, by the website
 * openid or by the unionid through an app of the same open-platform account → logged in, as
 * {@link #METHOD}. A unionid conflict or a disabled account → the flow's refusal pages. Unbound →
 * the login goes on as any other: the bind form (or register).
 *
 * <p>The continuation's "ticket" is the hash of the website app's appid: a pending login started
 * for another website app (configuration changed since) is refused rather than finished.
 */
@ApplicationScoped
@Priority(400)
public class WebsiteCallbackContinuation implements CallbackContinuation {

    /** Logged in on a desktop through the website app's QR login, with a bound WeChat. */
    public static final LoginMethod METHOD = new LoginMethod("WECHAT_WEBSITE", "WeChat website QR login (bound account)");

    static final String KIND = "website";

    @Inject
    WebsiteConfig website;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ContainerLogin ends;

    @Inject
    AccountBindingService bindings;

    static Continuation of(WeChatApp app) {
        return new Continuation(KIND, SecureTokens.sha256Hex(app.appId()));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<AuthenticationStatus> resume(HttpServletRequest request, HttpMessageContext context,
            CallbackResult.Identified identified, String ticketHash) {
        String appId = identified.identity().appId();
        boolean ours = website.app().map(WeChatApp::appId).filter(appId::equals).isPresent()
                && SecureTokens.constantTimeEquals(SecureTokens.sha256Hex(appId), ticketHash);
        if (!ours) {
            return Optional.of(ends.problem(request, context, FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, null));
        }
        CredentialValidationResult bound = identityStores.validate(new WeChatCredential(identified.identity()));
        if (bound.getStatus() == CredentialValidationResult.Status.INVALID) { // refused once here: validating again would audit it twice
            FlowProblem why = bindings.unionIdConflictOf(identified.identity()).isPresent() ? FlowProblem.UNIONID_CONFLICT
                    : FlowProblem.ACCOUNT_UNAVAILABLE;
            return Optional.of(ends.problem(request, context, why, null));
        }
        if (bound.getStatus() != CredentialValidationResult.Status.VALID) {
            return Optional.empty(); // unbound: the bind form (or register), as any login
        }
        return Optional.of(ends.login(request, context, bound, METHOD, identified.request().returnTo()));
    }
}
