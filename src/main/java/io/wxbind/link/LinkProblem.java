package io.wxbind.link;

import io.wxbind.auth.flow.LoginProblem;

/** What can stop a message-link login: the link's page, status and stable code. */
public enum LinkProblem implements LoginProblem {
    LINK_INVALID(400, "This bind link has expired or was already used",
            "A bind link works once, for 5 minutes. Tap the bind menu in the chat again for a new one."),
    LINK_NOT_YOURS(403, "This bind link was sent to another WeChat user",
            "Nothing was changed. Ask for your own link: tap the bind menu in the chat.");

    private final Wording wording;

    LinkProblem(int status, String title, String message) {
        this.wording = new Wording(status, title, message);
    }

    @Override
    public Wording wording() {
        return wording;
    }
}
