package io.wxbind.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneInfoTest {

    private static final String APP = "wxMINI";
    private static final Instant NOW = Instant.parse("2026-12-03T16:00:00Z");

    @Test
    void fromWhenPhoneInfoWithNumericCountryCodeThenRead() {
        PhoneInfo p = PhoneInfo.from(phone("13800138000", Json.createValue(86), NOW.getEpochSecond())).orElseThrow();
        assertEquals("13800138000", p.purePhoneNumber());
        assertEquals("86", p.countryCode());
        assertEquals(Optional.of("+8613800138000"), p.e164());
    }

    @Test
    void fromWhenLegacyStringCountryCodeThenSameNumber() {
        PhoneInfo p = PhoneInfo.from(phone("51234567", Json.createValue("852"), NOW.getEpochSecond())).orElseThrow();
        assertEquals(Optional.of("+85251234567"), p.e164());
    }

    @Test
    void fromWhenNoNumberThenEmpty() {
        assertTrue(PhoneInfo.from(Json.createObjectBuilder().add("nickName", "Band").build()).isEmpty());
        assertTrue(PhoneInfo.from(phone("138-0013", Json.createValue(86), 1)).isEmpty());
    }

    @Test
    void maskedWhenMainlandNumberThenFirstThreeAndLastFour() {
        assertEquals("138****8000", info("13800138000", NOW).masked());
        assertEquals("512*4567", info("51234567", NOW).masked());
        assertTrue(!info("13800138000", NOW).toString().contains("13800138000"), "no whole number in logs");
    }

    @Test
    void watermarkWhenThisAppAndRecentThenOk() {
        assertEquals(PhoneInfo.Watermark.OK, info("13800138000", NOW.minusSeconds(3599)).watermark(APP, NOW));
        assertEquals(PhoneInfo.Watermark.OK, info("13800138000", NOW.plusSeconds(299)).watermark(APP, NOW), "WeChat's clock a little ahead");
    }

    @Test
    void watermarkWhenOtherAppThenOtherApp() {
        assertEquals(PhoneInfo.Watermark.OTHER_APP, info("13800138000", NOW).watermark("wxOTHER", NOW));
        assertEquals(PhoneInfo.Watermark.OTHER_APP, PhoneInfo.from(Json.createObjectBuilder().add("purePhoneNumber", "13800138000")
                .add("countryCode", "86").build()).orElseThrow().watermark(APP, NOW), "no watermark: not known to be ours");
    }

    @Test
    void watermarkWhenOlderThanAnHourOrFromTheFutureThenStale() {
        assertEquals(PhoneInfo.Watermark.STALE, info("13800138000", NOW.minusSeconds(3601)).watermark(APP, NOW));
        assertEquals(PhoneInfo.Watermark.STALE, info("13800138000", NOW.plusSeconds(301)).watermark(APP, NOW));
    }

    private static PhoneInfo info(String pure, Instant at) {
        return PhoneInfo.from(phone(pure, Json.createValue(86), at.getEpochSecond())).orElseThrow();
    }

    static JsonObject phone(String pure, jakarta.json.JsonValue countryCode, long timestamp) {
        return Json.createObjectBuilder().add("phoneNumber", pure).add("purePhoneNumber", pure).add("countryCode", countryCode)
                .add("watermark", Json.createObjectBuilder().add("timestamp", timestamp).add("appid", APP)).build();
    }
}
