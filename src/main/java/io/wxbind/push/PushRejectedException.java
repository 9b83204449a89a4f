package io.wxbind.push;

/**
 * A push refused before anything was processed. Carries the HTTP status and a short, fixed
 * reason: both go into the plain-text answer and the WARNING log line, so neither may contain
 * secrets, signatures or message content.
 */
public final class PushRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public PushRejectedException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public PushRejectedException(int status, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.status = status;
    }

    static PushRejectedException badRequest(String reason) {
        return new PushRejectedException(400, reason);
    }

    static PushRejectedException badSignature(String reason) {
        return new PushRejectedException(401, reason);
    }

    static PushRejectedException forbidden(String reason) {
        return new PushRejectedException(403, reason);
    }

    /** The HTTP status of the answer: 400, 401, 403, 404, 405 or 413. */
    public int status() {
        return status;
    }

    /** The fixed reason, e.g. {@code "msg_signature mismatch"}. */
    public String reason() {
        return getMessage();
    }
}
