package io.wxbind.link;

import io.wxbind.auth.CallbackContinuation;
import io.wxbind.auth.ContainerLogin;
import io.wxbind.auth.LoginEntry;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.Continuation;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.util.SecureTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * A bind link from the chat ({@link BindLinkObserver}) as a way into the login: flow step 1 with
 * silent authorization, remembering the link ticket's hash; at the callback the openid WeChat
 * vouches for must be the one the link was sent to, then the login goes on as any other
 * (bound: logged in; unbound: the bind form).
 */
@ApplicationScoped
@Priority(1100)
public class LinkLoginEntry implements LoginEntry, CallbackContinuation {

    static final String KIND = "link";

    @Inject
    ContainerLogin ends;

    @Inject
    LoginFlow flow;

    @Inject
    LinkTicketStore links;

    @Override
    public boolean matches(HttpServletRequest request) {
        return LoginEntry.path(request).equals(BindLinkObserver.LINK_PATH);
    }

    /** Step 1 for a link that is still valid. */
    @Override
    public AuthenticationStatus handle(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String ticket = request.getParameter("t");
        if (!links.isValid(ticket)) {
            return ends.problem(request, context, LinkProblem.LINK_INVALID, null);
        }
        return context.redirect(flow.start(request, response, request.getContextPath() + "/app/",
                new Continuation(KIND, SecureTokens.sha256Hex(ticket))));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * The link ticket is taken once; the openid WeChat just vouched for must be the one it was sent
     * to. Empty when it is; else why not: used meanwhile (another tab of the same person won the
     * race) or expired is {@code LINK_INVALID}, someone else's link is {@code LINK_NOT_YOURS}.
     */
    @Override
    public Optional<AuthenticationStatus> resume(HttpServletRequest request, HttpMessageContext context,
            CallbackResult.Identified identified, String ticketHash) {
        Optional<LinkTicket> ticket = links.takeByHash(ticketHash);
        if (ticket.isEmpty()) {
            return Optional.of(ends.problem(request, context, LinkProblem.LINK_INVALID, null));
        }
        boolean theirs = ticket.get().appId().equals(identified.identity().appId())
                && SecureTokens.constantTimeEquals(ticket.get().openId(), identified.identity().openId());
        return theirs ? Optional.empty() : Optional.of(ends.problem(request, context, LinkProblem.LINK_NOT_YOURS, null));
    }
}
