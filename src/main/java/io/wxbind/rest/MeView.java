package io.wxbind.rest;

import java.time.Instant;
import java.util.List;

/**
 * Who is logged in, how, and their WeChat bindings: {@code GET /api/me} and the demo's
 * protected page show the same. OpenIds and unionIds are shortened.
 */
public record MeView(String user, String displayName, List<String> groups, String loginMethod,
        String loginMethodDescription, Instant loggedInAt, List<Binding> bindings) {

    public record Binding(long id, String appId, String openId, String unionId, String nickname, Instant boundAt, Instant lastLoginAt) {
    }
}
