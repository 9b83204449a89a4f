package io.wxbind.auth;

import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.Continuation;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * A feature's half of a login it started for its own purpose: its {@link LoginEntry} began the
 * flow with a {@link Continuation} of its {@link #kind} ({@code LoginFlow.start(..., continuation)}),
 * and at the callback, once WeChat has vouched for the person, {@link CallbackEntry} hands the
 * login back here before anything else: a chat bind link checks that the openid is the one the
 * link was sent to, a QR confirm link sends the phone to its answer page. A CDI bean of the
 * feature's package, as the entry is.
 */
public interface CallbackContinuation {

    /** The kind this feature puts in its {@link Continuation}s; one feature per kind. */
    String kind();

    /**
     * Flow step 2 for a login this feature started ({@code ticketHash} from its continuation).
     * Empty: the login goes on as any other (bound: logged in; unbound: bind form or register).
     * Else this feature's answer: a refusal ({@link ContainerLogin#problem}) or a page of its own.
     */
    Optional<AuthenticationStatus> resume(HttpServletRequest request, HttpMessageContext context, CallbackResult.Identified identified,
            String ticketHash);
}
