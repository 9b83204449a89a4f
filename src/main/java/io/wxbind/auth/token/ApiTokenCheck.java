package io.wxbind.auth.token;

/** What {@link ApiTokenService#check} found: a grant, or why the token is refused. */
public sealed interface ApiTokenCheck {

    /** The token is live; its grant authenticates the request. */
    record Valid(ApiTokenGrant grant) implements ApiTokenCheck {
    }

    /** The token is refused; the reason's message is for the client (401 {@code invalid_token}). */
    record Invalid(Reason reason) implements ApiTokenCheck {
    }

    /** Why a token is refused, in words a person reading the API response understands. */
    enum Reason {
        MALFORMED("The bearer token is malformed: send 'Authorization: Bearer <token>' with a token from POST /api/wechat/tokens."),
        UNKNOWN("The bearer token is not valid: it was revoked, replaced or never issued. Get a new one with POST /api/wechat/tokens."),
        EXPIRED("The bearer token has expired. Get a new one with POST /api/wechat/tokens."),
        /** Its account's security stamp changed (unbind, password, groups, log out everywhere), or the account is disabled or gone. */
        REVOKED("The bearer token was revoked: the account's sessions were ended, or it can no longer log in. Log in again.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
