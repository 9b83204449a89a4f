package io.wxbind.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wxbind.config.WeChatAppType;
import io.wxbind.config.WeChatApps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What is refused before WeChat is called: the wrong kind of app, a missing, malformed or spent code. */
class ApiSignInTest {

    private final List<String> claimed = new ArrayList<>();
    private final ApiSignIn signIn = new ApiSignIn();

    ApiSignInTest() {
        Map<String, String> values = Map.of("wechat.app-id", "wxOA", "wechat.app-secret", "oaSecret0123456789",
                "wechat.apps", "wxAPP,wxMINI", "wechat.app.wxAPP.type", "mobile", "wechat.app.wxAPP.secret", "appSecret0123456789",
                "wechat.app.wxMINI.type", "miniprogram", "wechat.app.wxMINI.secret", "miniSecret0123456789");
        signIn.apps = WeChatApps.read(k -> Optional.ofNullable(values.get(k)));
        signIn.clock = Clock.systemUTC();
        signIn.usedCodes = new UsedJsCodes() {
            @Override
            public Claim claim(String appId, String code, String clientKey, Instant now, Instant expiresAt) {
                claimed.add(appId + ":" + code);
                return code.equals("spent") ? Claim.USED : code.equals("busy-address") ? Claim.THROTTLED : Claim.CLAIMED;
            }
        };
    }

    private MiniProgramProblem refusal(String appId, WeChatAppType type, String code) {
        return (MiniProgramProblem) signIn.accept(appId, type, code, Duration.ofMinutes(6), "127.0.0.1").refusal().problem();
    }

    @Test
    void acceptWhenAppOfAnotherTypeOrUnknownThenUnknownAppAndNothingClaimed() {
        assertEquals(MiniProgramProblem.UNKNOWN_APP, refusal("wxMINI", WeChatAppType.MOBILE, "abc"));
        assertEquals(MiniProgramProblem.UNKNOWN_APP, refusal("wxAPP", WeChatAppType.MINI_PROGRAM, "abc"));
        assertEquals(MiniProgramProblem.UNKNOWN_APP, refusal("wxOA", WeChatAppType.MINI_PROGRAM, "abc"));
        assertEquals(MiniProgramProblem.UNKNOWN_APP, refusal(null, WeChatAppType.MOBILE, "abc"));
        assertEquals(List.of(), claimed);
    }

    @Test
    void acceptWhenCodeMissingOrMalformedThenRefusedBeforeAnyClaim() {
        assertEquals(MiniProgramProblem.CODE_MISSING, refusal("wxAPP", WeChatAppType.MOBILE, " "));
        assertEquals(MiniProgramProblem.CODE_MISSING, refusal("wxAPP", WeChatAppType.MOBILE, null));
        assertEquals(MiniProgramProblem.INVALID_CODE, refusal("wxAPP", WeChatAppType.MOBILE, "a b"));
        assertEquals(MiniProgramProblem.INVALID_CODE, refusal("wxMINI", WeChatAppType.MINI_PROGRAM, "x".repeat(129)));
        assertEquals(List.of(), claimed);
    }

    @Test
    void acceptWhenCodeAlreadyClaimedThenCodeUsedElseTheAppToCall() {
        assertEquals(MiniProgramProblem.CODE_USED, refusal("wxAPP", WeChatAppType.MOBILE, "spent"));
        ApiSignIn.Accepted ok = signIn.accept("wxMINI", WeChatAppType.MINI_PROGRAM, "fresh-code_1", Duration.ofMinutes(6), "127.0.0.1");
        assertNull(ok.refusal());
        assertEquals("wxMINI", ok.app().orElseThrow().appId());
        assertEquals(List.of("wxAPP:spent", "wxMINI:fresh-code_1"), claimed);
    }

    @Test
    void acceptWhenAddressSentTooManyCodesThenTooManyLoginsWithRetryAfter() {
        ApiSignIn.Accepted refused = signIn.accept("wxMINI", WeChatAppType.MINI_PROGRAM, "busy-address", Duration.ofMinutes(6), "10.0.0.9");
        assertEquals(MiniProgramProblem.TOO_MANY_LOGINS, refused.refusal().problem());
        assertEquals(60, refused.refusal().retryAfterSeconds());
    }
}
