package io.wxbind.wechat;

import io.wxbind.config.WeChatApp;
import io.wxbind.config.WeChatConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mini-program login call, {@code sns/jscode2session} (protocol §3.1): one HTTP call, no retry
 * (a code works once; a retried exchange would only earn 40163).
 */
@ApplicationScoped
public class MiniProgramClient {

    /** WeChat's session_key: Base64 of 16 bytes (§3.2). */
    private static final int SESSION_KEY_LENGTH = 24;

    @Inject
    WeChatConfig config;

    private WeChatHttp http;

    public MiniProgramClient() {
    }

    /** For tests outside a container. */
    public MiniProgramClient(WeChatConfig config) {
        this.config = config;
        init();
    }

    @PostConstruct
    void init() {
        http = new WeChatHttp(config.apiBaseUrl(), config.httpTimeout());
    }

    /**
     * @throws WeChatApiException     WeChat's errcode (40029, 40163, 40226, 45011, -1, ...)
     * @throws WeChatUnavailableException no answer, or an answer without openid or a usable session_key
     */
    public MiniProgramSession codeToSession(WeChatApp app, String jsCode) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put(WeChatParams.APPID, app.appId());
        q.put(WeChatParams.SECRET, app.secret());
        q.put(WeChatParams.JS_CODE, jsCode);
        q.put(WeChatParams.GRANT_TYPE, "authorization_code");
        MiniProgramSession session = MiniProgramSession.from(http.get("/sns/jscode2session", q));
        if (session.openId() == null || session.sessionKey() == null || session.sessionKey().length() != SESSION_KEY_LENGTH) {
            throw new WeChatUnavailableException("sns/jscode2session answered without an openid or a 24-character session_key");
        }
        return session;
    }
}
