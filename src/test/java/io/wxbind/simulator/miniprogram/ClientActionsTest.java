package io.wxbind.simulator.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.config.SimDefaults;
import io.wxbind.simulator.oauth.AuthCodes;
import io.wxbind.simulator.oauth.OAuthScopes;
import io.wxbind.simulator.people.PhoneNumber;
import io.wxbind.simulator.people.SimPhones;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ClientActionsTest {

    private static final String MINI = SimDefaults.MINIPROGRAM_APP_ID;
    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC));
    private final AuthCodes oauthCodes = new AuthCodes(clock);
    private final SessionKeys sessionKeys = new SessionKeys();
    private final SimPhones phones = new SimPhones(SimDefaults.phones());
    private final ClientActions client = new ClientActions(clock, new MiniProgramCodes(clock), oauthCodes,
            sessionKeys, phones);

    @Test
    void encryptedPhoneWhenNoSessionKeyThenEmpty() {
        assertTrue(client.encryptedPhone(MINI, "zhang-wei").isEmpty());
    }

    @Test
    void encryptedPhoneWhenSessionKeyThenDecryptsToPhoneJsonWithWatermark() throws Exception {
        phones.set("li-na", new PhoneNumber("852", "61234567"));
        String key = sessionKeys.rotate(MINI, "li-na");
        EncryptedData data = client.encryptedPhone(MINI, "li-na").orElseThrow();

        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
                new IvParameterSpec(Base64.getDecoder().decode(data.iv())));
        JsonObject json = Json.createReader(new StringReader(new String(
                cipher.doFinal(Base64.getDecoder().decode(data.encryptedData())), StandardCharsets.UTF_8))).readObject();
        assertEquals("+85261234567", json.getString("phoneNumber"));
        assertEquals("61234567", json.getString("purePhoneNumber"));
        assertEquals("852", json.getString("countryCode"));
        assertEquals(MINI, json.getJsonObject("watermark").getString("appid"));
        assertEquals(clock.instant().getEpochSecond(), json.getJsonObject("watermark").getJsonNumber("timestamp").longValue());
    }

    @Test
    void mobileLoginWhenIssuedThenOAuthCodeOfTheAppWithUserinfoScope() {
        String code = client.mobileLogin(SimDefaults.MOBILE_APP_ID, "wang-fang");
        AuthCodes.Redemption redemption = oauthCodes.redeem(code, SimDefaults.MOBILE_APP_ID);
        assertEquals(0, redemption.errcode());
        assertEquals("wang-fang", redemption.grant().personId());
        assertEquals(OAuthScopes.USERINFO, redemption.grant().scope());
    }

    @Test
    void phoneCodeWhenIssuedThenCarriesThePersonsNumber() {
        assertEquals("13800138000", client.phoneCode(MINI, "zhang-wei").phone().purePhoneNumber());
    }
}
