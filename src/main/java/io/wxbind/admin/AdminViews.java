package io.wxbind.admin;

import io.wxbind.account.WeChatOpenId;
import io.wxbind.audit.AuditEntry;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * JSON of bindings and audit entries for administrators: full openids and client addresses
 * (what a support case needs), never a token, ticket or secret (none is stored with them).
 */
final class AdminViews {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    static final JsonProvider JSON = JsonProvider.provider();

    private AdminViews() {
    }

    static JsonObjectBuilder binding(WeChatOpenId b) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("id", b.id()).add("appId", b.appId()).add("openId", b.openId())
                .add("account", b.accountName());
        text(o, "unionId", b.unionId());
        text(o, "nickname", b.nickname());
        time(o, "boundAt", b.boundAt());
        time(o, "lastLoginAt", b.lastLoginAt());
        return o;
    }

    static JsonObjectBuilder entry(AuditEntry e) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("id", e.id()).add("kind", e.kind());
        time(o, "at", e.at());
        text(o, "account", e.account());
        text(o, "subject", e.subject());
        text(o, "app", e.appId());
        text(o, "openId", e.shortOpenId());
        text(o, "method", e.method());
        text(o, "reason", e.reason());
        text(o, "clientAddress", e.clientAddress());
        text(o, "userAgent", e.userAgent());
        text(o, "node", e.node());
        return o;
    }

    static void text(JsonObjectBuilder o, String name, String value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, value);
        }
    }

    static void time(JsonObjectBuilder o, String name, Instant value) {
        text(o, name, value == null ? null : DateTimeFormatter.ISO_INSTANT.format(value));
    }
}
