package io.wxbind.simulator.oauth;

import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimConfig;
import io.wxbind.simulator.oauth.WebTokens.WebAccess;
import io.wxbind.simulator.people.IdDerivation;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.web.QueryParams;
import io.wxbind.simulator.web.WeChatResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * api.weixin.qq.com/sns/*: code exchange (§1.3), refresh (§1.4), userinfo (§1.5), auth (§1.6).
 * Parameter checks run in WeChat's order: 41002 appid, 41004 secret, 41008 code, 40002
 * grant_type, 40013 unknown appid, 40125 wrong secret, then the code itself (40029 / 40163).
 */
@RequestScoped
@Path("api/sns")
public class SnsResource {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    SimConfig config;
    @Inject
    SimPeople people;
    @Inject
    IdDerivation ids;
    @Inject
    AuthCodes codes;
    @Inject
    WebTokens tokens;
    @Context
    UriInfo uriInfo;

    @GET
    @Path("oauth2/access_token")
    public Response accessToken() {
        Map<String, String> q = QueryParams.of(uriInfo.getRequestUri());
        int missing = QueryParams.firstMissing(q, "appid", 41002, "secret", 41004, "code", 41008);
        if (missing != 0) {
            return WeChatResponses.error(missing);
        }
        if (!"authorization_code".equals(q.get("grant_type"))) {
            return WeChatResponses.error(40002);
        }
        SimApp app = config.app(q.get("appid")).orElse(null);
        if (app == null) {
            return WeChatResponses.error(40013);
        }
        if (!app.secretMatches(q.get("secret"))) {
            return WeChatResponses.error(40125);
        }
        AuthCodes.Redemption redemption = codes.redeem(q.get("code"), app.appId());
        if (!redemption.ok()) {
            return WeChatResponses.error(redemption.errcode());
        }
        WebAccess access = tokens.issue(webGrant(app, redemption.grant()));
        JsonObjectBuilder body = tokenBody(access);
        if (access.grant().snapshot()) {
            body.add("is_snapshotuser", 1);
        }
        if (access.grant().unionId() != null) {
            body.add("unionid", access.grant().unionId());
        }
        return WeChatResponses.json(body.build());
    }

    @GET
    @Path("oauth2/refresh_token")
    public Response refreshToken() {
        Map<String, String> q = QueryParams.of(uriInfo.getRequestUri());
        int missing = QueryParams.firstMissing(q, "appid", 41002, "refresh_token", 41003, "grant_type", 40002);
        if (missing != 0) {
            return WeChatResponses.error(missing);
        }
        if (!"refresh_token".equals(q.get("grant_type"))) {
            return WeChatResponses.error(40002);
        }
        if (config.app(q.get("appid")).isEmpty()) {
            return WeChatResponses.error(40013);
        }
        WebAccess access = tokens.refresh(q.get("appid"), q.get("refresh_token"));
        return access.ok() ? WeChatResponses.json(tokenBody(access).build()) : WeChatResponses.error(access.errcode());
    }

    @GET
    @Path("userinfo")
    public Response userInfo() {
        Map<String, String> q = QueryParams.of(uriInfo.getRequestUri());
        WebAccess access = checkedAccess(q);
        if (!access.ok()) {
            return WeChatResponses.error(access.errcode());
        }
        WebGrant grant = access.grant();
        SimPerson person = people.find(grant.personId()).orElse(null);
        if (!grant.profileScope() || grant.snapshot() || person == null) {
            return WeChatResponses.error(48001);
        }
        // lang (zh_CN, zh_TW, en) only localises country/province/city, which are empty since 2021.
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("openid", grant.openId())
                .add("nickname", person.nickname())
                .add("sex", 0)
                .add("province", "")
                .add("city", "")
                .add("country", "")
                .add("headimgurl", person.headImgUrl(uriInfo.getBaseUri().toString()))
                .add("privilege", JSON.createArrayBuilder());
        if (grant.unionId() != null) {
            body.add("unionid", grant.unionId());
        }
        return WeChatResponses.json(body.build());
    }

    @GET
    @Path("auth")
    public Response auth() {
        WebAccess access = checkedAccess(QueryParams.of(uriInfo.getRequestUri()));
        return access.ok() ? WeChatResponses.ok() : WeChatResponses.error(access.errcode());
    }

    /** 41001 / 40014 / 42001 for the token, then 41009 missing or 40003 foreign openid. */
    private WebAccess checkedAccess(Map<String, String> q) {
        WebAccess access = tokens.lookup(q.get("access_token"));
        if (!access.ok()) {
            return access;
        }
        String openId = q.get("openid");
        if (openId == null || openId.isEmpty()) {
            return new WebAccess(null, null, 0, null, 41009);
        }
        return openId.equals(access.grant().openId()) ? access : new WebAccess(null, null, 0, null, 40003);
    }

    /** Real or (snapshot mode) virtual ids; unionid only for profile scopes on open-platform apps. */
    private WebGrant webGrant(SimApp app, CodeGrant grant) {
        String person = grant.personId();
        String openId = grant.snapshot() ? ids.snapshotOpenId(app.appId(), person) : ids.openId(app.appId(), person);
        String unionId = null;
        if (OAuthScopes.grantsProfile(grant.scope()) && app.boundToOpenPlatform()) {
            unionId = grant.snapshot() ? ids.snapshotUnionId(app.openPlatform(), person)
                    : ids.unionId(app.openPlatform(), person);
        }
        return new WebGrant(app.appId(), person, grant.scope(), grant.snapshot(), openId, unionId);
    }

    private static JsonObjectBuilder tokenBody(WebAccess access) {
        return JSON.createObjectBuilder()
                .add("access_token", access.accessToken())
                .add("expires_in", access.expiresIn())
                .add("refresh_token", access.refreshToken())
                .add("openid", access.grant().openId())
                .add("scope", access.grant().scope());
    }
}
