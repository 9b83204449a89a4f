package io.wxbind.push;

/** What the endpoint answers: status, content type and a short body (never a stack trace). */
public record PushResponse(int status, String contentType, String body) {

    static final String TEXT = "text/plain;charset=UTF-8";
    static final String XML = "application/xml;charset=UTF-8";

    /** WeChat's "received, nothing to say" (§6.3): no retry, no message to the user. */
    static PushResponse success() {
        return new PushResponse(200, TEXT, "success");
    }

    static PushResponse text(String body) {
        return new PushResponse(200, TEXT, body);
    }

    static PushResponse xml(String body) {
        return new PushResponse(200, XML, body);
    }

    static PushResponse refused(PushRejectedException e) {
        return new PushResponse(e.status(), TEXT, e.reason());
    }
}
