package io.wxbind.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.testsupport.RecordingEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The phone rules against fakes of WeChat and the account table: what is recorded, refused, and answered. */
class MiniProgramPhoneTest {

    private static final String APP = "wxMINI";
    private static final Instant NOW = Instant.parse("2026-12-03T16:00:00Z");
    private static final MiniProgramCaller.Resolution.Found ALICE = new MiniProgramCaller.Resolution.Found("alice", APP, "oALICE");

    private final Map<String, String> accountPhones = new HashMap<>();
    private final List<String> weChatBodies = new ArrayList<>();
    private String storedKey;
    private RuntimeException weChatFailure;
    private JsonObject phoneInfo;
    private MiniProgramPhone phone;
    private final List<AuditEvent> audited = new ArrayList<>();

    @BeforeEach
    void wire() {
        phone = new MiniProgramPhone();
        phone.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        phone.audit = RecordingEvents.into(audited);
        phone.callers = new MiniProgramCaller() {
            @Override
            public Optional<String> sessionKey(Resolution.Found found) {
                return Optional.ofNullable(storedKey);
            }
        };
        phone.calls = new MiniProgramServerCalls() {
            @Override
            public Optional<Failure> unconfigured(String appId) {
                return Optional.empty();
            }

            @Override
            public JsonObject phoneInfo(String appId, String code, String openId) {
                weChatBodies.add(code + "/" + openId);
                if (weChatFailure != null) {
                    throw weChatFailure;
                }
                return phoneInfo;
            }
        };
        phone.phones = new AccountPhones() {
            @Override
            public Outcome record(String caller, String e164) {
                String owner = accountPhones.entrySet().stream().filter(e -> e.getValue().equals(e164)).map(Map.Entry::getKey)
                        .findFirst().orElse(null);
                if (caller.equals(owner)) {
                    return Outcome.ALREADY_YOURS;
                }
                if (owner != null) {
                    return Outcome.OTHER_ACCOUNT;
                }
                accountPhones.put(caller, e164);
                return Outcome.RECORDED;
            }
        };
        accountPhones.put("bob", "+8613800000002");
    }

    @Test
    void byCodeWhenNobodysPhoneThenRecordedOnCallerAndOpenIdSentToWeChat() {
        phoneInfo = PhoneInfoTest.phone("13800138000", Json.createValue(86), NOW.getEpochSecond());
        MiniProgramPhone.Result r = phone.byCode(ALICE, "phone-code_1");
        MiniProgramPhone.Result.Verified v = assertInstanceOf(MiniProgramPhone.Result.Verified.class, r);
        assertEquals("138****8000", v.phone().masked());
        assertTrue(v.recorded());
        assertEquals("+8613800138000", accountPhones.get("alice"));
        assertEquals(List.of("phone-code_1/oALICE"), weChatBodies, "WeChat checks the code belongs to this user");
        assertInstanceOf(MiniProgramPhone.Result.Verified.class, phone.byCode(ALICE, "phone-code_2"), "already hers: same answer");
        AuditEvent verified = new AuditEvent(AuditKind.PHONE_VERIFIED, "alice", APP, "****", "phone_code", "+86 138****8000");
        assertEquals(List.of(verified, verified), audited, "each verification audited, the number masked");
    }

    @Test
    void byCodeWhenPhoneOnAnotherAccountThenConflictAndNothingMoved() {
        phoneInfo = PhoneInfoTest.phone("13800000002", Json.createValue(86), NOW.getEpochSecond());
        assertFailed(MiniProgramCallProblem.PHONE_ON_OTHER_ACCOUNT, phone.byCode(ALICE, "code"));
        assertEquals(List.of(new AuditEvent(AuditKind.PHONE_ON_OTHER_ACCOUNT, "alice", APP, "****", "phone_code", "+86 138****0002")), audited);
        assertEquals("+8613800000002", accountPhones.get("bob"));
        assertEquals(null, accountPhones.get("alice"));
    }

    @Test
    void byCodeWhenWeChatRefusesThenStableProblems() {
        assertFailed(MiniProgramCallProblem.INVALID_CODE, phone.byCode(ALICE, "bad code!"));
        assertTrue(weChatBodies.isEmpty(), "a malformed code never reaches WeChat");
        weChatFailure = new WeChatApiException("getuserphonenumber", 40029, "invalid code");
        assertFailed(MiniProgramCallProblem.INVALID_CODE, phone.byCode(ALICE, "code"));
        weChatFailure = new WeChatApiException("getuserphonenumber", 45011, "api minute-quota reach limit");
        MiniProgramPhone.Result.Failed limited = assertFailed(MiniProgramCallProblem.RATE_LIMITED, phone.byCode(ALICE, "code"));
        assertEquals(60, limited.retryAfterSeconds());
        weChatFailure = new WeChatApiException("getuserphonenumber", -1, "system error");
        assertFailed(MiniProgramCallProblem.WECHAT_BUSY, phone.byCode(ALICE, "code"));
        weChatFailure = new WeChatApiException("getuserphonenumber", 40001, "invalid credential");
        assertFailed(MiniProgramCallProblem.WECHAT_UNAVAILABLE, phone.byCode(ALICE, "code"));
        weChatFailure = new WeChatUnavailableException("no valid WeChat access token");
        assertFailed(MiniProgramCallProblem.WECHAT_UNAVAILABLE, phone.byCode(ALICE, "code"));
        weChatFailure = new WeChatApiException("getuserphonenumber", 40013, "invalid appid");
        MiniProgramPhone.Result.Failed refused = assertFailed(MiniProgramCallProblem.WECHAT_REFUSED, phone.byCode(ALICE, "code"));
        assertEquals(502, refused.problem().status());
    }

    @Test
    void byEncryptedDataWhenCurrentKeyAndFreshWatermarkThenRecorded() throws Exception {
        storedKey = newKey();
        String[] data = encrypt(storedKey, legacy("13900001234", APP, NOW.minusSeconds(60)));
        MiniProgramPhone.Result r = phone.byEncryptedData(ALICE, data[0], data[1]);
        assertEquals("139****1234", assertInstanceOf(MiniProgramPhone.Result.Verified.class, r).phone().masked());
        assertEquals("+8613900001234", accountPhones.get("alice"));
    }

    @Test
    void byEncryptedDataWhenKeyRotatedSinceThenSessionKeyRotated() throws Exception {
        String[] data = encrypt(newKey(), legacy("13900001234", APP, NOW));
        storedKey = newKey(); // a later wx.login replaced it
        assertFailed(MiniProgramCallProblem.SESSION_KEY_ROTATED, phone.byEncryptedData(ALICE, data[0], data[1]));
        assertEquals(null, accountPhones.get("alice"));
    }

    @Test
    void byEncryptedDataWhenNoKeyOrMalformedThenClearProblems() throws Exception {
        assertFailed(MiniProgramCallProblem.NO_SESSION, phone.byEncryptedData(ALICE, "AAAA", "AAAA"));
        storedKey = newKey();
        String[] data = encrypt(storedKey, legacy("13900001234", APP, NOW));
        assertFailed(MiniProgramCallProblem.BAD_ENCRYPTED_DATA, phone.byEncryptedData(ALICE, data[0], "c2hvcnQ="));
        assertFailed(MiniProgramCallProblem.BAD_ENCRYPTED_DATA, phone.byEncryptedData(ALICE, "not*base64", data[1]));
    }

    @Test
    void byEncryptedDataWhenWatermarkOfOtherAppOrOldThenRefused() throws Exception {
        storedKey = newKey();
        String[] other = encrypt(storedKey, legacy("13900001234", "wxOTHER", NOW));
        assertFailed(MiniProgramCallProblem.PHONE_DATA_OTHER_APP, phone.byEncryptedData(ALICE, other[0], other[1]));
        String[] old = encrypt(storedKey, legacy("13900001234", APP, NOW.minusSeconds(2 * 3600)));
        assertFailed(MiniProgramCallProblem.PHONE_DATA_STALE, phone.byEncryptedData(ALICE, old[0], old[1]));
        assertEquals(null, accountPhones.get("alice"));
    }

    private static MiniProgramPhone.Result.Failed assertFailed(MiniProgramCallProblem expected, MiniProgramPhone.Result r) {
        MiniProgramPhone.Result.Failed failed = assertInstanceOf(MiniProgramPhone.Result.Failed.class, r);
        assertEquals(expected, failed.problem());
        return failed;
    }

    private static String legacy(String pure, String appId, Instant at) {
        return Json.createObjectBuilder().add("phoneNumber", pure).add("purePhoneNumber", pure).add("countryCode", "86")
                .add("watermark", Json.createObjectBuilder().add("timestamp", at.getEpochSecond()).add("appid", appId)).build().toString();
    }

    private static String newKey() {
        byte[] raw = new byte[16];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** As WeChat's client gets it (§3.4): {encryptedData, iv}. */
    private static String[] encrypt(String sessionKey, String plaintext) throws Exception {
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"), new IvParameterSpec(iv));
        return new String[] {Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8))),
                Base64.getEncoder().encodeToString(iv)};
    }
}
