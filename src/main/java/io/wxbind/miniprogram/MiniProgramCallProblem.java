package io.wxbind.miniprogram;

import io.wxbind.auth.flow.LoginProblem;

/**
 * What stops a logged-in mini-program user's call ({@code /session/check}, {@code /phone}), as
 * JSON {@code {"error": code, "message": ...}}. Apart from {@link MiniProgramProblem}, whose
 * wording speaks of the login code.
 */
public enum MiniProgramCallProblem implements LoginProblem {
    NOT_BOUND_HERE(403, "No WeChat of this mini program",
            "This account has no WeChat bound in this mini program. Log in from the mini program (wx.login) first."),
    INVALID_CODE(400, "Invalid phone code",
            "WeChat did not accept this phone code: it was used, has expired (after 5 minutes) or belongs to another WeChat user."
                    + " Ask for the phone number again (getPhoneNumber button)."),
    NO_SESSION(409, "No session key", "This site holds no session for you in this mini program. Log in again (wx.login), then ask for the phone number again."),
    SESSION_KEY_ROTATED(409, "Session key rotated", "Log in again (wx.login) and ask for the phone number again."),
    BAD_ENCRYPTED_DATA(400, "Malformed phone data",
            "Send encryptedData and iv exactly as getPhoneNumber gave them (Base64; iv is 16 bytes)."),
    PHONE_DATA_OTHER_APP(400, "Phone data of another mini program",
            "This phone data was made for another mini program. Send the appId of the mini program that asked for it."),
    PHONE_DATA_STALE(400, "Phone data too old", "This phone data is older than an hour (or dated in the future). Ask for the phone number again."),
    PHONE_UNREADABLE(502, "Unreadable phone number", "WeChat gave a phone number this site cannot read. Nothing was changed."),
    PHONE_ON_OTHER_ACCOUNT(409, "Phone on another account",
            "This phone number belongs to another account here; it was not moved. To use that account, log in to it,"
                    + " or bind this WeChat to it with the phone number and an SMS code."),
    RATE_LIMITED(429, "Too many requests", "WeChat allows only so many requests a minute. Wait a minute, then try again."),
    WECHAT_BUSY(503, "WeChat is busy", "WeChat is busy right now. Nothing was changed. Try again in a moment."),
    WECHAT_UNAVAILABLE(503, "WeChat is not available",
            "This site cannot reach WeChat's server API right now (or holds no valid server token). Nothing was changed. Try again in a moment."),
    WECHAT_REFUSED(502, "WeChat refused the request",
            "WeChat refused this site's request (its mini-program settings may be wrong). Nothing was changed; the site's operators were told.");

    private final Wording wording;

    MiniProgramCallProblem(int status, String title, String message) {
        this.wording = new Wording(status, title, message);
    }

    @Override
    public Wording wording() {
        return wording;
    }
}
