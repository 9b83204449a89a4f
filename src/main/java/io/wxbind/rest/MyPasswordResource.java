package io.wxbind.rest;

import io.wxbind.account.AccountAdministration;
import io.wxbind.account.AccountAdministration.PasswordChange;
import io.wxbind.auth.LoginMethod;
import io.wxbind.auth.SessionLogin;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code POST /api/me/password} {@code {"currentPassword": "…", "newPassword": "…"}}: a user of
 * WxBind's own accounts changes their password. Every other session and every bearer token of the
 * account ends; this session stays, under the new security stamp. Only from a browser session
 * (a bearer token cannot), and {@value #MAX_WRONG} wrong current passwords end the session, so a
 * stolen session cannot be used to guess the password.
 */
@Path("me/password")
@Produces(MediaType.APPLICATION_JSON)
public class MyPasswordResource {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 256;
    static final int MAX_WRONG = 5;
    private static final String WRONG_COUNT = MyPasswordResource.class.getName() + ".wrong";
    private static final String EXAMPLE = "{\"currentPassword\":\"…\",\"newPassword\":\"…\"}";

    @Inject
    AccountAdministration accounts;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(String body) {
        Optional<SessionLogin> login = SessionLogin.of(request);
        HttpSession session = request.getSession(false);
        if (login.isEmpty()) {
            return error(401, "not_authenticated", "Log in first.");
        }
        if (login.get().method() == LoginMethod.API_TOKEN || session == null) {
            return error(403, "session_required", "A password can be changed from a browser login only, not with an API token.");
        }
        Optional<JsonObject> json = JsonBody.object(body);
        String current = json.map(j -> JsonBody.string(j, "currentPassword")).orElse(null);
        String next = json.map(j -> JsonBody.string(j, "newPassword")).orElse(null);
        if (current == null || next == null || current.length() > MAX_LENGTH) {
            return JsonBody.badRequest(EXAMPLE);
        }
        if (next.length() < MIN_LENGTH || next.length() > MAX_LENGTH || next.isBlank()) {
            return error(400, "weak_password", "The new password must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        PasswordChange change = accounts.changePassword(login.get().caller(), current.toCharArray(), next.toCharArray());
        return switch (change.outcome()) {
            case CHANGED -> stayLoggedIn(session, change.newStamp());
            case WRONG_PASSWORD -> wrong(session);
            case NO_PASSWORD -> error(409, "no_password", "This account has no password to change: it was created from WeChat.");
            case NO_ACCOUNT -> error(404, "not_found", "Your account is not kept by this site, so its password cannot be changed here.");
        };
    }

    /** This session moves to the new stamp; if a parallel request already ended it, the user logs in again. */
    private Response stayLoggedIn(HttpSession session, String newStamp) {
        try {
            SessionLogin.stored(request).ifPresent(l -> l.withStamp(newStamp).store(request));
            session.removeAttribute(WRONG_COUNT);
            request.changeSessionId();
            return Response.ok(new Message("Password changed. Every other session and API token of your account was ended.")).build();
        } catch (IllegalStateException ended) {
            return Response.ok(new Message("Password changed. Every session of your account was ended: please log in again.")).build();
        }
    }

    private Response wrong(HttpSession session) {
        int count = session.getAttribute(WRONG_COUNT) instanceof Integer n ? n + 1 : 1;
        if (count >= MAX_WRONG) {
            session.invalidate();
            return error(401, "too_many_attempts", "Too many wrong passwords: you were logged out. Log in again to retry.");
        }
        session.setAttribute(WRONG_COUNT, count);
        return error(403, "wrong_password", "The current password is not right. " + (MAX_WRONG - count) + " attempts left.");
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).entity(new ErrorBody(code, message)).build();
    }

    /** A success answer with words for the user. */
    public record Message(String message) {
    }
}
