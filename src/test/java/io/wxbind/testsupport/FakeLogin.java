package io.wxbind.testsupport;

import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.auth.ContainerLogin;
import io.wxbind.auth.LoginMethod;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Recording doubles for the ends of a login step, so a test of an entry reads as the list of
 * what it did: {@code "login alice via WECHAT to /app/"}, {@code "problem link_invalid"},
 * {@code "redirect https://..."}, {@code "nothing"}, {@code "container login alice [user]"}.
 */
public final class FakeLogin {

    private FakeLogin() {
    }

    /** A {@link ContainerLogin} that records logins (SUCCESS) and problems (NOT_DONE) instead of touching sessions and pages. */
    public static ContainerLogin ends(List<String> calls) {
        return new ContainerLogin() {
            @Override
            public AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, CredentialValidationResult caller,
                    LoginMethod method, String returnTo) {
                calls.add("login " + caller.getCallerPrincipal().getName() + " via " + method + " to " + returnTo);
                return AuthenticationStatus.SUCCESS;
            }

            @Override
            public AuthenticationStatus problem(HttpServletRequest request, HttpMessageContext context, LoginProblem problem,
                    String returnTo) {
                calls.add("problem " + problem.code() + (returnTo == null ? "" : " again to " + returnTo));
                return AuthenticationStatus.NOT_DONE;
            }
        };
    }

    /** A context for an unprotected resource; see {@link #context(List, BooleanSupplier)}. */
    public static HttpMessageContext context(List<String> calls) {
        return context(calls, () -> false);
    }

    /**
     * An {@link HttpMessageContext} that records {@code redirect} (SEND_CONTINUE), {@code doNothing}
     * (NOT_DONE) and {@code notifyContainerAboutLogin} (SUCCESS), and fails the test on anything else.
     */
    public static HttpMessageContext context(List<String> calls, BooleanSupplier isProtected) {
        return (HttpMessageContext) Proxy.newProxyInstance(FakeLogin.class.getClassLoader(), new Class<?>[] {HttpMessageContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "isProtected" -> isProtected.getAsBoolean();
                    case "notifyContainerAboutLogin" -> {
                        calls.add("container login " + args[0] + " " + args[1]);
                        yield AuthenticationStatus.SUCCESS;
                    }
                    case "redirect" -> {
                        calls.add("redirect " + args[0]);
                        yield AuthenticationStatus.SEND_CONTINUE;
                    }
                    case "doNothing" -> {
                        calls.add("nothing");
                        yield AuthenticationStatus.NOT_DONE;
                    }
                    default -> throw new AssertionError("the context was asked for " + m.getName());
                });
    }
}
