package io.wxbind.link;

import io.wxbind.auth.flow.LoginProblem;
import java.util.Locale;

/** What can stop a message-link login: the link's page, status and stable code. */
public enum LinkProblem implements LoginProblem {
    LINK_INVALID(400, "This bind link has expired or was already used",
            "A bind link works once, for 5 minutes. Tap the bind menu in the chat again for a new one."),
    LINK_NOT_YOURS(403, "This bind link was sent to another WeChat user",
            "Nothing was changed. Ask for your own link: tap the bind menu in the chat.");

    private final int status;
    private final String title;
    private final String message;

    LinkProblem(int status, String title, String message) {
        this.status = status;
        this.title = title;
        this.message = message;
    }

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String message() {
        return message;
    }
}
