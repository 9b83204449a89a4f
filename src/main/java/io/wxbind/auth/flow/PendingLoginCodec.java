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
 * (epoch seconds), link ticket hash (empty = none). A new nullable field goes at the end, in
 * {@link #fields} and {@link #decode}; a value written before it was added decodes with it null.
 */
public final class PendingLoginCodec {

    /** Larger values are refused unread: a browser keeps at most 4096 bytes per cookie. */
    static final int MAX_VALUE_LENGTH = 4000;
    private static final String VERSION = "1";
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
                Long.toString(r.createdAt().getEpochSecond()), orEmpty(r.linkTicketHash()), orEmpty(r.confirmTicketHash()));
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
            return Optional.of(new AuthorizationRequest(state, browserHash, f[1], f[2], f[3], f[4], created, expiresAt)
                    .forLink(nullable(f, 6)).forConfirm(nullable(f, 7)));
        } catch (IllegalArgumentException | DateTimeException e) { // bad Base64 or number: not ours
            return Optional.empty();
        }
    }

    private byte[] mac(String payload, String state, String browserHash) {
        return key.mac(LABEL, state + "\n" + browserHash + "\n" + payload);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String nullable(String[] fields, int i) {
        return i < fields.length && !fields[i].isEmpty() ? fields[i] : null;
    }
}
