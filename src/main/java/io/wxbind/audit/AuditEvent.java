package io.wxbind.audit;

/**
 * Something worth an audit entry, published as a CDI event. Never carries a secret: openids are
 * shortened ({@code io.wxbind.wechat.LogSafe#shortId}), tokens and tickets not at all. The
 * recorder adds when, the client address and the user agent of the current request.
 *
 * @param account     the local account concerned, or null (an unbound WeChat, an unknown name)
 * @param appId       the WeChat app, or null
 * @param shortOpenId a shortened openid, or null
 * @param method      how (a login method, "password", "sms", "qr", ...), or null
 * @param reason      a stable reason code for refusals, revocations and conflicts; for the phone kinds
 *                    the number masked ({@code +86 138****8000}), never whole; or null
 * @param subject     the account an administrator acted on or looked up ({@link AuditKind#ADMIN}), or null;
 *                    {@code account} is then the administrator
 */
public record AuditEvent(AuditKind kind, String account, String appId, String shortOpenId, String method, String reason,
        String subject) {

    /** An event about no other account than its own (every kind but {@link AuditKind#ADMIN}). */
    public AuditEvent(AuditKind kind, String account, String appId, String shortOpenId, String method, String reason) {
        this(kind, account, appId, shortOpenId, method, reason, null);
    }

    public static AuditEvent of(AuditKind kind, String account) {
        return new AuditEvent(kind, account, null, null, null, null, null);
    }

    public AuditEvent withMethod(String how) {
        return new AuditEvent(kind, account, appId, shortOpenId, how, reason, subject);
    }

    public AuditEvent withReason(String why) {
        return new AuditEvent(kind, account, appId, shortOpenId, method, why, subject);
    }

    public AuditEvent withWeChat(String app, String shortOpen) {
        return new AuditEvent(kind, account, app, shortOpen, method, reason, subject);
    }

    public AuditEvent withSubject(String about) {
        return new AuditEvent(kind, account, appId, shortOpenId, method, reason, about);
    }
}
