package io.wxbind.miniprogram;

import io.wxbind.config.ServerTokenConfig;
import io.wxbind.token.WeChatServerApi;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatParams;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The mini program's server-token calls about one user: {@code wxa/checksession} (§3.2) and
 * {@code wxa/business/getuserphonenumber} (§3.5), through {@link WeChatServerApi} (one token
 * refresh and retry on 40001/40014/42001, back-off on -1). WeChat's refusals become
 * {@link Failure}s a client can act on. Neither the signature nor the code is ever logged.
 */
@ApplicationScoped
public class MiniProgramServerCalls {

    private static final Logger LOG = Logger.getLogger(MiniProgramServerCalls.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    static final int INVALID_SIGNATURE = 87009;

    /** A call that did not give an answer; {@code retryAfterSeconds} 0: none. */
    public record Failure(MiniProgramCallProblem problem, long retryAfterSeconds) {
    }

    @Inject
    WeChatServerApi api;

    @Inject
    ServerTokenConfig tokens;

    /** Without its server token kept ({@code wechat.token.app-ids}) a mini program cannot call these APIs. */
    public Optional<Failure> unconfigured(String appId) {
        if (tokens.apps().containsKey(appId)) {
            return Optional.empty();
        }
        LOG.severe(() -> "mini program " + appId + " has no server token: add it to wechat.token.app-ids");
        return Optional.of(new Failure(MiniProgramCallProblem.WECHAT_UNAVAILABLE, 0));
    }

    /**
     * @return true: the session_key is the user's current one; false: WeChat answered 87009 (expired or rotated)
     * @throws WeChatApiException, WeChatUnavailableException otherwise; see {@link #failureOf}
     */
    public boolean checkSession(String appId, String openId, String sessionKey) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("signature", SessionKeySignature.of(sessionKey));
        q.put(WeChatParams.OPENID, openId);
        q.put("sig_method", SessionKeySignature.SIG_METHOD);
        try {
            api.get(appId, "/wxa/checksession", q);
            return true;
        } catch (WeChatApiException e) {
            if (e.errcode() == INVALID_SIGNATURE) {
                return false;
            }
            throw e;
        }
    }

    /**
     * {@code phone_info} for a phone-button code. The openid goes along, so WeChat refuses (40029) a
     * code that another user's button made.
     */
    public JsonObject phoneInfo(String appId, String code, String openId) {
        JsonObject body = JSON.createObjectBuilder().add(WeChatParams.CODE, code).add(WeChatParams.OPENID, openId).build();
        JsonObject answer = api.postJson(appId, "/wxa/business/getuserphonenumber", body).json();
        if (!(answer.get("phone_info") instanceof JsonObject info)) {
            throw new WeChatUnavailableException("wxa/business/getuserphonenumber answered without phone_info");
        }
        return info;
    }

    /** What a failed call tells the client. */
    public static Failure failureOf(RuntimeException e) {
        if (e instanceof WeChatApiException api) {
            return switch (api.errcode()) {
                case 40029 -> new Failure(MiniProgramCallProblem.INVALID_CODE, 0);
                case 45011 -> new Failure(MiniProgramCallProblem.RATE_LIMITED, 60);
                case -1 -> new Failure(MiniProgramCallProblem.WECHAT_BUSY, 2);
                // still refused after a fresh token: the token refresher is failing (its own logs say why)
                case 40001, 40014, 42001 -> new Failure(MiniProgramCallProblem.WECHAT_UNAVAILABLE, 5);
                default -> {
                    LOG.severe(() -> "mini-program server API refused: errcode " + api.errcode() + " (check the mini program's settings)");
                    yield new Failure(MiniProgramCallProblem.WECHAT_REFUSED, 0);
                }
            };
        }
        if (e instanceof WeChatUnavailableException) {
            return new Failure(MiniProgramCallProblem.WECHAT_UNAVAILABLE, 5);
        }
        throw e;
    }
}
