package io.wxbind.simulator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WeChatErrorsTest {

    private static final Instant NOW = Instant.ofEpochSecond(1701241929L); // 0x6566e449

    @Test
    void errmsgWhenErrorThenBaseMessageAndRidSuffix() {
        String errmsg = WeChatErrors.errmsg(40029, WeChatErrors.baseMessage(40029), NOW);
        assertTrue(errmsg.matches("invalid code, rid: 6566e449-[0-9a-f]{8}-[0-9a-f]{8}"), errmsg);
    }

    @Test
    void errmsgWhenOkThenNoRid() {
        assertEquals("ok", WeChatErrors.errmsg(0, "ok", NOW));
    }

    @Test
    void ridWhenCalledTwiceThenRandomPartsDiffer() {
        assertNotEquals(WeChatErrors.rid(NOW), WeChatErrors.rid(NOW));
        assertTrue(WeChatErrors.rid(NOW).matches("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}"));
    }

    @Test
    void baseMessageWhenKnownCodesThenProtocolTexts() {
        assertEquals("code been used", WeChatErrors.baseMessage(40163));
        assertEquals("invalid credential, access_token is invalid or not latest", WeChatErrors.baseMessage(40001));
        assertEquals("reach max api daily quota limit", WeChatErrors.baseMessage(45009));
        assertEquals("api unauthorized", WeChatErrors.baseMessage(48001));
        assertEquals("system error", WeChatErrors.baseMessage(-1));
        assertEquals("simulated error", WeChatErrors.baseMessage(12345));
    }

    @Test
    void ipNotInWhitelistWhenIpv4ThenBothNotations() {
        assertEquals("invalid ip 8.149.1.108 ipv6 ::ffff:8.149.1.108, not in whitelist",
                WeChatErrors.ipNotInWhitelist("8.149.1.108"));
        assertEquals("invalid ip ::1 ipv6 ::1, not in whitelist", WeChatErrors.ipNotInWhitelist("::1"));
    }

    @Test
    void bodyWhenErrorThenErrcodeThenErrmsg() {
        JsonObject body = WeChatResponses.body(40125, "invalid appsecret");
        assertEquals(40125, body.getInt("errcode"));
        assertTrue(body.getString("errmsg").startsWith("invalid appsecret, rid: "));
        assertEquals("[errcode, errmsg]", body.keySet().toString());
    }
}
