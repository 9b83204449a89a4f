package io.wxbind.simulator.miniprogram;

import io.wxbind.simulator.people.PhoneNumber;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;

/**
 * The phone JSON a mini program receives (protocol §3.4, §3.5): {@code phoneNumber},
 * {@code purePhoneNumber}, {@code countryCode}, {@code watermark{timestamp, appid}}. The
 * getuserphonenumber example sends {@code countryCode} as a number; the legacy encrypted data
 * carries it as a string (as in WeChat's decrypt sample), so both shapes are made here.
 */
final class PhoneData {

    private static final JsonProvider JSON = JsonProvider.provider();

    private PhoneData() {
    }

    /** {@code phone_info} of getuserphonenumber: countryCode as a number. */
    static JsonObject phoneInfo(PhoneNumber phone, String appId, Instant now) {
        return JSON.createObjectBuilder()
                .add("phoneNumber", phone.phoneNumber())
                .add("purePhoneNumber", phone.purePhoneNumber())
                .add("countryCode", Integer.parseInt(phone.countryCode()))
                .add("watermark", watermark(appId, now))
                .build();
    }

    /** The plaintext of the legacy {@code encryptedData}: countryCode as a string. */
    static JsonObject legacy(PhoneNumber phone, String appId, Instant now) {
        return JSON.createObjectBuilder()
                .add("phoneNumber", phone.phoneNumber())
                .add("purePhoneNumber", phone.purePhoneNumber())
                .add("countryCode", phone.countryCode())
                .add("watermark", watermark(appId, now))
                .build();
    }

    private static JsonObject watermark(String appId, Instant now) {
        return JSON.createObjectBuilder().add("timestamp", now.getEpochSecond()).add("appid", appId).build();
    }
}
