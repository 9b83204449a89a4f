package io.wxbind.simulator.miniprogram;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.oauth.AuthCodes;
import io.wxbind.simulator.people.IdDerivation;
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
 * {@code GET api.weixin.qq.com/sns/jscode2session?appid&secret&js_code&grant_type=authorization_code}
 * (protocol §3.1). Checks in the order of sns/oauth2/access_token: 41002 appid, 41004 secret,
 * 41008 js_code, 40002 grant_type, 40013 unknown appid or not a mini program, 40125 wrong secret;
 * then the code (40029 unknown, expired or another app's; 40163 used) and the user
 * ({@link LoginLimits}: 40226, 45011; the code stays usable). Success, in today's shape:
 * {@code {"openid","session_key","unionid"?}} with a new session_key; unionid only when the mini
 * program is bound to an open-platform account. No {@code errcode}, no {@code expires_in}.
 */
@RequestScoped
@Path("api/sns/jscode2session")
public class JsCode2SessionResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    SimApps apps;
    @Inject
    IdDerivation ids;
    @Inject
    MiniProgramCodes codes;
    @Inject
    SessionKeys sessionKeys;
    @Inject
    LoginLimits limits;
    @Context
    UriInfo uriInfo;

    @GET
    public Response exchange() {
        Map<String, String> q = QueryParams.of(uriInfo.getRequestUri());
        int missing = QueryParams.firstMissing(q, "appid", 41002, "secret", 41004, "js_code", 41008);
        if (missing != 0) {
            return WeChatResponses.error(missing);
        }
        if (!"authorization_code".equals(q.get("grant_type"))) {
            return WeChatResponses.error(40002);
        }
        SimApp app = apps.app(q.get("appid")).filter(a -> a.type() == AppType.MINIPROGRAM).orElse(null);
        if (app == null) {
            return WeChatResponses.error(40013);
        }
        if (!app.secretMatches(q.get("secret"))) {
            return WeChatResponses.error(40125);
        }
        AuthCodes.Redemption redemption = codes.redeemLogin(q.get("js_code"), app.appId(),
                grant -> limits.check(app.appId(), grant.personId()));
        if (!redemption.ok()) {
            return WeChatResponses.error(redemption.errcode());
        }
        String person = redemption.grant().personId();
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("openid", ids.openId(app.appId(), person))
                .add("session_key", sessionKeys.rotate(app.appId(), person));
        if (app.boundToOpenPlatform()) {
            body.add("unionid", ids.unionId(app.openPlatform(), person));
        }
        return WeChatResponses.json(body.build());
    }
}
