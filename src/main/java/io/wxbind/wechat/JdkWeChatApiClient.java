package io.wxbind.wechat;

import io.wxbind.config.WeChatApp;
import io.wxbind.config.WeChatConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link WeChatApiClient} on the JDK's HttpClient ({@link WeChatHttp}). Base URLs come from
 * {@link WeChatConfig}, so tests and the demo point it at the simulator without code changes.
 */
@ApplicationScoped
public class JdkWeChatApiClient implements WeChatApiClient {

    @Inject
    WeChatConfig config;

    private WeChatHttp http;

    public JdkWeChatApiClient() {
    }

    /** For tests outside a container. */
    public JdkWeChatApiClient(WeChatConfig config) {
        this.config = config;
        init();
    }

    @PostConstruct
    void init() {
        http = new WeChatHttp(config.apiBaseUrl(), config.httpTimeout());
    }

    @Override
    public OAuthAccessToken exchangeCode(String code) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put(WeChatParams.APPID, config.appId());
        q.put(WeChatParams.SECRET, config.appSecret());
        q.put(WeChatParams.CODE, code);
        q.put(WeChatParams.GRANT_TYPE, "authorization_code");
        JsonObject json = get("/sns/oauth2/access_token", q);
        OAuthAccessToken token = OAuthAccessToken.from(json);
        if (token.openId() == null || token.openId().isBlank()) {
            throw new WeChatUnavailableException("sns/oauth2/access_token answered without an openid");
        }
        return token;
    }

    /**
     * §1.3 with another app's credentials: a mobile app's SDK code or a website app's
     * {@code snsapi_login} code is exchanged at the same endpoint with that app's appid and secret (§2).
     */
    @Override
    public OAuthAccessToken exchangeCode(WeChatApp app, String code) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put(WeChatParams.APPID, app.appId());
        q.put(WeChatParams.SECRET, app.secret());
        q.put(WeChatParams.CODE, code);
        q.put(WeChatParams.GRANT_TYPE, "authorization_code");
        OAuthAccessToken token = OAuthAccessToken.from(get("/sns/oauth2/access_token", q));
        if (token.openId() == null || token.openId().isBlank()) {
            throw new WeChatUnavailableException("sns/oauth2/access_token answered without an openid");
        }
        return token;
    }

    @Override
    public WeChatUserProfile userInfo(OAuthAccessToken token) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put(WeChatParams.ACCESS_TOKEN, token.accessToken());
        q.put(WeChatParams.OPENID, token.openId());
        q.put(WeChatParams.LANG, "zh_CN");
        WeChatUserProfile profile = WeChatUserProfile.from(get("/sns/userinfo", q));
        if (!token.openId().equals(profile.openId())) {
            throw new WeChatUnavailableException("sns/userinfo answered for another openid");
        }
        return profile;
    }

    private JsonObject get(String path, Map<String, String> query) {
        return http.get(path, query);
    }
}
