package io.wxbind.auth.flow;

import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatError;

/**
 * Everything that can stop a login in the core flow (features add their own {@link LoginProblem}s), with a stable code (for logs and tests), the HTTP status
 * of the page, and words a person understands. A client's mistake is a 4xx; WeChat failing is
 * a 502/503; nothing here is ever a 500.
 */
public enum FlowProblem implements LoginProblem {
    BAD_RETURN_URL(400, "That return address is not allowed",
            "After signing in you can only be sent back to a page of this site."),
    STATE_MISSING(400, "This sign-in link is incomplete",
            "The link back from WeChat had no state. Please start signing in again."),
    AUTHORIZATION_REQUEST_NOT_FOUND(400, "This sign-in link has expired or was already used",
            "A sign-in link works once and for 10 minutes. Please start signing in again."),
    STATE_MISMATCH(403, "This sign-in was started in another browser",
            "For your safety a sign-in must finish in the browser that started it. Please start again here."),
    ACCESS_DENIED(403, "You did not allow access to your WeChat profile",
            "Nothing was changed. You can try again and choose Allow."),
    CODE_MISSING(400, "WeChat did not send an authorization code",
            "Please start signing in again."),
    CODE_REJECTED(400, "WeChat rejected the sign-in code",
            "The code was already used or has expired (reloading the page does this). Please start signing in again."),
    SNAPSHOT_USER(403, "Please open the full service",
            "WeChat showed this page in preview mode. Tap \u201c\u4f7f\u7528\u5b8c\u6574\u670d\u52a1\u201d (use the full service) at the bottom and try again."),
    WECHAT_ERROR(502, "WeChat refused the sign-in",
            "Nothing was changed. Please try again later."),
    WECHAT_UNAVAILABLE(503, "WeChat is not answering right now",
            "Nothing was changed. Please try again in a moment."),
    TICKET_INVALID(400, "This binding link has expired or was already used",
            "Binding links work once, in the browser that opened them, for 5 minutes. Please start signing in again."),
    TOO_MANY_ATTEMPTS(429, "Too many wrong attempts",
            "This binding link is no longer valid. Please start signing in again."),
    BINDING_CONFLICT(409, "This WeChat account is already bound to another account",
            "Nothing was changed. This WeChat already logs in to another account here, through this app or another app "
                    + "of this site. Log in to that account, or remove the binding there first."),
    /**
     * The WeChat is bound to one account, and the same person (its unionid, through another app of
     * this site) to another: {@code io.wxbind.account.Resolution.UnionIdConflict}. Never merged.
     */
    UNIONID_CONFLICT(409, "This WeChat is bound to two different accounts",
            "You were not logged in and nothing was changed. This WeChat is bound to one account here, and through another "
                    + "app of this site to a different account, so we cannot tell which one is yours. Log in to each account "
                    + "another way (password or SMS) and remove the WeChat binding from the one you no longer want, or contact "
                    + "support and mention the code unionid_conflict."),
    THROTTLED_ACCOUNT(429, "Too many wrong attempts for this account",
            "For its safety, this account takes no passwords or codes for a while after several wrong ones. Nothing was changed."),
    THROTTLED_ADDRESS(429, "Too many wrong attempts from your network",
            "For safety, no passwords or codes are taken from your network for a while after many wrong ones. Nothing was changed."),
    ACCOUNT_UNAVAILABLE(403, "This account cannot log in",
            "The account is disabled or no longer exists. Please contact the site's administrator."),
    /** A state-changing request that did not come from our own pages (io.wxbind.auth.OriginCheck). */
    CSRF(403, "This request did not come from this site",
            "For your safety, this site only accepts changes sent from its own pages. Nothing was changed. "
                    + "Go back to the site, reload the page and try again."),
    /** PostgreSQL is restarting or unreachable ({@code io.wxbind.db.DatabaseOutage}); the pool reconnects by itself. */
    DATABASE_UNAVAILABLE(503, "We cannot reach our database right now",
            "Nothing was changed. Please try again in a few seconds.");

    private final Wording wording;

    FlowProblem(int status, String title, String message) {
        this.wording = new Wording(status, title, message);
    }

    /** Maps a WeChat errcode: a rejected code is the client's problem, busy is "try again". */
    public static FlowProblem of(WeChatApiException e) {
        WeChatError error = e.error();
        if (error.isCodeProblem()) {
            return CODE_REJECTED;
        }
        return error.isTransient() ? WECHAT_UNAVAILABLE : WECHAT_ERROR;
    }

    @Override
    public Wording wording() {
        return wording;
    }
}
