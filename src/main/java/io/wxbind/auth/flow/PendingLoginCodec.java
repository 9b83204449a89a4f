package io.wxbind.auth.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A pending authorization (flow step 1) as a cookie value, so starting a login writes nothing to
 * the database: {@code base64url(fields) "." base64url(HMAC-SHA256)}. The MAC, under the
 * {@link StateKey}, covers the fields, the state and this browser's {@link BrowserBinding} hash
 * (neither of which is in the value): the value means nothing with another state, in another
 * browser or under another key. The fields are readable (return URL, app, scope), never secret;
 * the openid is never in it. {@link #decode} refuses anything else with an empty result, never
 * an exception.
 *
 * <p>Fields, newline-separated: format version, appId, scope, redirect_uri, return URL, created
 * (epoch seconds), the {@link Continuation}'s kind and ticket hash (both empty = none). A new
 * nullable field goes at the end, in {@link #fields} and {@link #decode}; a value written before
 * it was added decodes with it null. Version 2 replaced the features' own fields with the
 * continuation: a version-1 value (issued before the upgrade, at most one state lifetime old) is
 * refused like any other, and that person starts again.
 */
public final class PendingLoginCodec {

    /** Larger values are refused unread: a browser keeps at most 4096 bytes per cookie. */
    static final int MAX_VALUE_LENGTH = 4000;
    private static final String VERSION = "2";
    private static final String LABEL = "wxbind-pending-login";
    private static final int REQUIRED_FIELDS = 6;

    private final StateKey key;

    public PendingLoginCodec(StateKey key) {
        this.key = key;
    }

    public String encode(AuthorizationRequest r) {
        List<String> fields = fields(r);
        if (fields.stream().anyMatch(f -> f.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("a pending-login field contains a line break");
        }
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", fields).getBytes(StandardCharsets.UTF_8));
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload, r.state(), r.browserHash()));
    }

    private static List<String> fields(AuthorizationRequest r) {
        return List.of(VERSION, r.appId(), r.scope(), r.redirectUri(), r.returnTo(),
                Long.toString(r.createdAt().getEpochSecond()), r.continuation().map(Continuation::kind).orElse(""),
                r.continuation().map(Continuation::ticketHash).orElse(""));
    }

    /**
     * The request {@code value} stands for, if it was made by this key for this state and this
     * browser; {@code expiresAt} comes from the (already verified) {@link SignedState}.
     */
    public Optional<AuthorizationRequest> decode(String value, String state, Instant expiresAt, String browserHash) {
        try {
            if (value == null || value.length() > MAX_VALUE_LENGTH || state == null || browserHash == null) {
                return Optional.empty();
            }
            int dot = value.lastIndexOf('.');
            if (dot <= 0) {
                return Optional.empty();
            }
            String payload = value.substring(0, dot);
            byte[] tag = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload, state, browserHash), tag)) {
                return Optional.empty();
            }
            String[] f = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\n", -1);
            if (f.length < REQUIRED_FIELDS || !VERSION.equals(f[0])) {
                return Optional.empty();
            }
            Instant created = Instant.ofEpochSecond(Long.parseLong(f[5]));
            String kind = nullable(f, 6);
            String ticketHash = nullable(f, 7);
            if (kind == null && ticketHash != null) {
                return Optional.empty();
            }
            // A kind without a hash, or a kind that is no name, fails the Continuation's checks: caught below, refused.
            return Optional.of(new AuthorizationRequest(state, browserHash, f[1], f[2], f[3], f[4], created, expiresAt)
                    .continuing(kind == null ? null : new Continuation(kind, ticketHash)));
        } catch (IllegalArgumentException | DateTimeException e) { // bad Base64, number or continuation: not ours
            return Optional.empty();
        }
    }

    private byte[] mac(String payload, String state, String browserHash) {
        return key.mac(LABEL, state + "\n" + browserHash + "\n" + payload);
    }

    private static String nullable(String[] fields, int i) {
        return i < fields.length && !fields[i].isEmpty() ? fields[i] : null;
    }
}
