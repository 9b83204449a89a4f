package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.util.SecureTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pending-login cookie value: round trip, and a clean refusal (empty, never an exception) for everything else. */
class PendingLoginCodecTest {

    private static final StateKey KEY = StateKey.of(Optional.empty(), "app-secret");
    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant EXPIRES = CREATED.plusSeconds(600);
    private static final String BROWSER = SecureTokens.sha256Hex("browser-A");

    private final PendingLoginCodec codec = new PendingLoginCodec(KEY);
    private final String state = new SignedState(KEY).issue(EXPIRES);

    private AuthorizationRequest request(String returnTo, String linkHash) {
        return new AuthorizationRequest(state, BROWSER, "wx1a2b3c4d5e6f7a8b", "snsapi_base",
                "https://portal.example/wxbind/wechat/callback", returnTo, CREATED, EXPIRES)
                .continuing(linkHash == null ? null : new Continuation("link", linkHash));
    }

    private Optional<AuthorizationRequest> decode(String value) {
        return codec.decode(value, state, EXPIRES, BROWSER);
    }

    @Test
    void decodeWhenEncodedForThisStateAndBrowserThenSameRequest() {
        String link = SecureTokens.sha256Hex("link");
        AuthorizationRequest r = decode(codec.encode(request("/wxbind/app/orders?id=7&q=%E4%B8%AD", link))).orElseThrow();
        assertEquals(state, r.state());
        assertEquals(BROWSER, r.browserHash());
        assertEquals("wx1a2b3c4d5e6f7a8b", r.appId());
        assertEquals("snsapi_base", r.scope());
        assertEquals("https://portal.example/wxbind/wechat/callback", r.redirectUri());
        assertEquals("/wxbind/app/orders?id=7&q=%E4%B8%AD", r.returnTo());
        assertEquals(CREATED, r.createdAt());
        assertEquals(EXPIRES, r.expiresAt());
        assertTrue(r.isExpiredAt(EXPIRES) && !r.isExpiredAt(EXPIRES.minusSeconds(1)));
        assertEquals(Optional.of(new Continuation("link", link)), r.continuation());
        assertEquals(Optional.empty(), decode(codec.encode(request("/wxbind/", null))).orElseThrow().continuation());
    }

    @Test
    void decodeWhenValueIsSmallAndHoldsNoSecretThenCookieFriendly() {
        String value = codec.encode(request("/wxbind/app/", SecureTokens.sha256Hex("link")));
        assertTrue(value.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}"), value);
        assertTrue(value.length() < 400, value.length() + " characters");
        String clear = new String(Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))), StandardCharsets.UTF_8);
        assertTrue(!clear.contains(state) && !clear.contains(BROWSER) && !clear.contains("app-secret"), clear);
    }

    @Test
    void decodeWhenPayloadOrMacTamperedThenEmpty() {
        String value = codec.encode(request("/wxbind/app/", null));
        String payload = value.substring(0, value.indexOf('.'));
        String evilPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).replace("/wxbind/app/", "https://evil.example/")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), decode(evilPayload + value.substring(value.indexOf('.'))));
        // The MAC's first character: all six of its bits count (the last one's lowest two are padding, which decoders ignore).
        int mac = value.indexOf('.') + 1;
        char first = value.charAt(mac);
        assertEquals(Optional.empty(), decode(value.substring(0, mac) + (first == 'A' ? 'B' : 'A') + value.substring(mac + 1)));
        assertEquals(Optional.empty(), decode(payload + "."));
        assertEquals(Optional.empty(), decode(payload));
    }

    @Test
    void decodeWhenOtherBrowserOtherStateOrLaterExpiryThenEmpty() {
        String value = codec.encode(request("/wxbind/app/", null));
        assertEquals(Optional.empty(), codec.decode(value, state, EXPIRES, SecureTokens.sha256Hex("browser-B")));
        assertEquals(Optional.empty(), codec.decode(value, new SignedState(KEY).issue(EXPIRES), EXPIRES, BROWSER));
        // Stretching the expiry means another state string: the MAC no longer matches.
        String stretched = state.substring(0, 24) + String.format("%010d", EXPIRES.getEpochSecond() + 3600) + state.substring(34);
        assertEquals(Optional.empty(), codec.decode(value, stretched, EXPIRES.plusSeconds(3600), BROWSER));
        assertEquals(Optional.empty(), codec.decode(value, state, EXPIRES, null));
    }

    @Test
    void decodeWhenSignedUnderAnotherKeyThenEmpty() {
        String value = new PendingLoginCodec(StateKey.of(Optional.of("another-key-another-key-another-key"), "app-secret"))
                .encode(request("/wxbind/app/", null));
        assertEquals(Optional.empty(), decode(value));
        assertEquals(Optional.empty(), decode(new PendingLoginCodec(StateKey.of(Optional.empty(), "rotated-app-secret"))
                .encode(request("/wxbind/app/", null))));
    }

    @Test
    void decodeWhenOversizedOrMalformedThenEmptyNeverAnException() {
        String mac = codec.encode(request("/", null)).substring(codec.encode(request("/", null)).indexOf('.'));
        for (String garbage : new String[] {null, "", ".", "..", "a.b.c", "%%%.###", "x".repeat(5000), "A".repeat(3999) + "." + "B",
                "!!!!" + mac, "\u4e2d\u6587." + "\u0000", "YWJj.*/*"}) {
            assertEquals(Optional.empty(), decode(garbage), String.valueOf(garbage).length() + " chars");
        }
    }
}
