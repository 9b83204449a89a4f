package io.wxbind.miniprogram;

import io.wxbind.auth.flow.LoginProblem;

/** What can stop a mini-program login or bind, as JSON {@code {"error": code, "message": ...}}. */
public enum MiniProgramProblem implements LoginProblem {
    UNKNOWN_APP(400, "Unknown mini program",
            "This site has no WeChat app of this kind with that appId (a mini program for /miniprogram, a mobile app for /app). Send the appId of the app the code came from."),
    CODE_MISSING(400, "No login code", "Send the code from wx.login as \"code\"."),
    INVALID_CODE(400, "Invalid login code",
            "WeChat did not accept this login code: it has expired (after 5 minutes) or belongs to another mini program. Call wx.login again."),
    CODE_USED(409, "Login code already used", "Each code from wx.login works once. Call wx.login again for a new one."),
    USER_BLOCKED(403, "Login blocked by WeChat",
            "WeChat blocked this login because it judged the WeChat account high-risk. Nothing was changed."),
    TOO_MANY_LOGINS(429, "Too many logins from your network",
            "Too many login codes were sent from your network in the last minute. Nothing was changed. Wait a minute, then try again."),
    RATE_LIMITED(429, "Too many logins", "WeChat allows only so many logins a minute for this user. Wait a minute, then try again."),
    WECHAT_BUSY(503, "WeChat is busy", "WeChat is busy right now. Nothing was changed. Try again in a moment."),
    WECHAT_UNAVAILABLE(503, "WeChat is not answering", "WeChat did not answer. Nothing was changed. Try again in a moment."),
    WECHAT_REFUSED(502, "WeChat refused the login",
            "WeChat refused this site's request (its mini-program settings may be wrong). Nothing was changed; the site's operators were told."),
    BIND_TICKET_MISSING(400, "No bind ticket", "Send the bindTicket from the login answer as \"bindTicket\"."),
    REGISTER_NOT_ALLOWED(403, "New accounts are not created here",
            "This app does not create accounts: bind the WeChat to your existing account with a password or an SMS code"
                    + " (the ways in \"bindWith\" of the login answer). The bind ticket is still valid."),
    INVALID_NICKNAME(400, "Nickname not accepted",
            "A nickname has at most " + TypedNickname.MAX_CODE_POINTS + " characters and no control characters. Send another, or none.");

    private final Wording wording;

    MiniProgramProblem(int status, String title, String message) {
        this.wording = new Wording(status, title, message);
    }

    @Override
    public Wording wording() {
        return wording;
    }
}
