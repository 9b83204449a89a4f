package io.wxbind.qr;

import io.wxbind.auth.flow.LoginProblem;

/** What can stop a QR login or a QR confirmation: the page, status and stable code. */
public enum QrProblem implements LoginProblem {
    QR_LOGIN_INVALID(400, "This QR login is no longer valid",
            "A QR login works once, in the browser that showed the code, until the code expires. Please reload the login page."),
    QR_LOGIN_THROTTLED(429, "Too many QR login codes",
            "Too many QR login codes were asked for from your network in the last 10 minutes. Please wait a few minutes, then reload this page."),
    QR_CONFIRM_INVALID(400, "This confirmation has expired or was already answered",
            "A confirmation link works once, for a few minutes, and only until it is answered. Nothing was changed. "
                    + "To try again, reload the page with the QR code and scan the new code."),
    QR_CONFIRM_NOT_YOURS(403, "This confirmation was sent to another WeChat user",
            "Nothing was changed. Only the person who scanned the QR code can confirm it."),
    QR_CONFIRM_OTHER_BROWSER(403, "This confirmation was opened on another phone or browser",
            "Nothing was changed. Answer on the page that opened from the link in your WeChat chat.");

    private final Wording wording;

    QrProblem(int status, String title, String message) {
        this.wording = new Wording(status, title, message);
    }

    @Override
    public Wording wording() {
        return wording;
    }
}
