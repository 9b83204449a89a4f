package io.wxbind.miniprogram;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.wechat.LogSafe;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.io.StringReader;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A logged-in mini-program user's phone number onto their account:
 *
 * <pre>
 *  current (§3.5): phone-button code → getuserphonenumber {code, openid} → phone_info
 *  legacy  (§3.4): encryptedData + iv → AES-128-CBC under the stored session_key → watermark: this app, within the hour
 *  then:           no account has it → recorded on the caller's; the caller's already → same answer;
 *                  another account's → phone_on_other_account, nothing moved
 *  audit:          PHONE_VERIFIED or PHONE_ON_OTHER_ACCOUNT, the number masked
 * </pre>
 */
@ApplicationScoped
public class MiniProgramPhone {

    private static final Logger LOG = Logger.getLogger(MiniProgramPhone.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    /** The audit entry's method: the phone button's code (current), or legacy encryptedData. */
    static final String BY_CODE = "phone_code";
    static final String BY_ENCRYPTED_DATA = "encrypted_data";

    /** What came of it. */
    public sealed interface Result {

        /** {@code recorded} false: the account is not WxBind's to change (a portal's own directory). */
        record Verified(PhoneInfo phone, boolean recorded) implements Result {
        }

        record Failed(MiniProgramCallProblem problem, long retryAfterSeconds) implements Result {
        }
    }

    @Inject
    MiniProgramServerCalls calls;

    @Inject
    MiniProgramCaller callers;

    @Inject
    AccountPhones phones;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    public Result byCode(MiniProgramCaller.Resolution.Found who, String code) {
        if (code.length() > 256 || !code.matches("[A-Za-z0-9_\\-]+")) {
            return failed(MiniProgramCallProblem.INVALID_CODE);
        }
        Optional<MiniProgramServerCalls.Failure> unconfigured = calls.unconfigured(who.appId());
        if (unconfigured.isPresent()) {
            return failed(unconfigured.get());
        }
        JsonObject info;
        try {
            info = calls.phoneInfo(who.appId(), code, who.openId());
        } catch (RuntimeException e) {
            return failed(MiniProgramServerCalls.failureOf(e));
        }
        Optional<PhoneInfo> phone = PhoneInfo.from(info);
        if (phone.isEmpty()) {
            return failed(MiniProgramCallProblem.PHONE_UNREADABLE);
        }
        return record(who, phone.get(), BY_CODE);
    }

    public Result byEncryptedData(MiniProgramCaller.Resolution.Found who, String encryptedData, String iv) {
        Optional<String> key = callers.sessionKey(who);
        if (key.isEmpty()) {
            return failed(MiniProgramCallProblem.NO_SESSION);
        }
        EncryptedDataCipher.Result opened = EncryptedDataCipher.decrypt(key.get(), encryptedData, iv);
        if (opened instanceof EncryptedDataCipher.Result.Malformed) {
            return failed(MiniProgramCallProblem.BAD_ENCRYPTED_DATA);
        }
        Optional<PhoneInfo> phone = opened instanceof EncryptedDataCipher.Result.Opened o ? parse(o.plaintext()) : Optional.empty();
        if (phone.isEmpty()) {
            // does not open, or opens to no phone JSON: sealed under a key a later wx.login replaced
            LOG.fine(() -> "encryptedData of " + LogSafe.shortId(who.openId()) + " does not open under the stored session_key");
            return failed(MiniProgramCallProblem.SESSION_KEY_ROTATED);
        }
        return switch (phone.get().watermark(who.appId(), clock.instant())) {
            case OTHER_APP -> failed(MiniProgramCallProblem.PHONE_DATA_OTHER_APP);
            case STALE -> failed(MiniProgramCallProblem.PHONE_DATA_STALE);
            case OK -> record(who, phone.get(), BY_ENCRYPTED_DATA);
        };
    }

    private Result record(MiniProgramCaller.Resolution.Found who, PhoneInfo phone, String method) {
        Optional<String> e164 = phone.e164();
        if (e164.isEmpty()) {
            return failed(MiniProgramCallProblem.PHONE_UNREADABLE);
        }
        AccountPhones.Outcome outcome = recordOn(who.caller(), e164.get());
        LOG.fine(() -> "phone " + phone.masked() + " for " + who.caller() + ": " + outcome);
        AuditKind kind = outcome == AccountPhones.Outcome.OTHER_ACCOUNT ? AuditKind.PHONE_ON_OTHER_ACCOUNT : AuditKind.PHONE_VERIFIED;
        audit.fire(AuditEvent.of(kind, who.caller()).withWeChat(who.appId(), LogSafe.shortId(who.openId())).withMethod(method)
                .withReason("+" + phone.countryCode() + " " + phone.masked()));
        return switch (outcome) {
            case OTHER_ACCOUNT -> failed(MiniProgramCallProblem.PHONE_ON_OTHER_ACCOUNT);
            case NO_LOCAL_ACCOUNT -> new Result.Verified(phone, false);
            case RECORDED, ALREADY_YOURS -> new Result.Verified(phone, true);
        };
    }

    private AccountPhones.Outcome recordOn(String caller, String e164) {
        try {
            return phones.record(caller, e164);
        } catch (PersistenceException | TransactionalException e) {
            return phones.ownerAfterConflict(caller, e164); // another account took it at the same moment
        }
    }

    private static Optional<PhoneInfo> parse(String plaintext) {
        try (var reader = JSON.createReader(new StringReader(plaintext))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? PhoneInfo.from(o) : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static Result failed(MiniProgramCallProblem problem) {
        return new Result.Failed(problem, 0);
    }

    private static Result failed(MiniProgramServerCalls.Failure failure) {
        return new Result.Failed(failure.problem(), failure.retryAfterSeconds());
    }
}
