package io.wxbind.qr;

import io.wxbind.auth.ContainerLogin;
import io.wxbind.auth.LoginEntry;
import io.wxbind.auth.LoginMethod;
import io.wxbind.auth.WeChatAuthenticationMechanism;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.ReturnUrlPolicy;
import io.wxbind.config.WeChatConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/** QR login, the last step: the scene this browser created was confirmed by a bound WeChat user, so this browser logs in. */
@ApplicationScoped
@Priority(1300)
public class QrLoginCompleteEntry implements LoginEntry {

    /** Logged in on a desktop by scanning its QR code with a bound WeChat. */
    public static final LoginMethod METHOD = new LoginMethod("WECHAT_QR", "Scanned a QR code with a bound WeChat");


    /** Where the login page sends the browser once its scene is confirmed. */
    public static final String PATH = "/wechat/qr-login/complete";

    @Inject
    ContainerLogin ends;

    @Inject
    WeChatConfig config;

    @Inject
    QrBindingService qrLogins;

    @Override
    public boolean matches(HttpServletRequest request) {
        return LoginEntry.path(request).equals(PATH);
    }

    @Override
    public AuthenticationStatus handle(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<String> returnTo = new ReturnUrlPolicy(config.returnUrlOrigins())
                .check(request.getParameter(WeChatAuthenticationMechanism.RETURN_TO), request.getContextPath() + "/");
        Optional<String> account = BrowserBinding.hash(request)
                .flatMap(browser -> qrLogins.consumeLogin(request.getParameter("id"), browser));
        if (returnTo.isEmpty() || account.isEmpty()) {
            return ends.problem(request, context, returnTo.isEmpty() ? FlowProblem.BAD_RETURN_URL : QrProblem.QR_LOGIN_INVALID, null);
        }
        // The account must still exist and be enabled, with its groups of now: ContainerLogin.login checks.
        CredentialValidationResult caller = new CredentialValidationResult(account.get());
        return ends.login(request, context, caller, METHOD, returnTo.get());
    }
}
