package io.wxbind.admin;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a resource tells {@link AdminAuditTrail} about its request, as request attributes (which
 * are the JAX-RS request properties on a servlet container, Jersey and RESTEasy alike).
 */
final class AdminNotes {

    static final String SUBJECT = AdminNotes.class.getName() + ".subject";
    static final String APP = AdminNotes.class.getName() + ".app";
    static final String SHORT_OPENID = AdminNotes.class.getName() + ".shortOpenId";
    static final String ACTION = AdminNotes.class.getName() + ".action";

    private AdminNotes() {
    }

    static void note(HttpServletRequest request, String name, String value) {
        if (value != null) {
            request.setAttribute(name, value);
        }
    }
}
