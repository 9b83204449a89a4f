package io.wxbind.simulator.miniprogram;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.oauth.AuthCodes;
import io.wxbind.simulator.people.IdDerivation;
import io.wxbind.simulator.people.SimPhones;
import io.wxbind.simulator.token.ServerTokenGuard;
import io.wxbind.simulator.web.QueryParams;
import io.wxbind.simulator.web.SimJson;
import io.wxbind.simulator.web.WeChatResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * {@code POST api.weixin.qq.com/wxa/business/getuserphonenumber?access_token=} with
 * {@code {"code","openid"?}} (protocol §3.5). The mini program's server token first, then 44002
 * empty body, 47001 not a JSON object (e.g. form data), 41008 no code, then the phone code: 40029
 * unknown, expired, another app's, already used (WeChat reports a reused phone code as invalid),
 * or another person's when {@code openid} is given (the code then stays usable for its owner).
 * Success: {@code {"errcode":0,"errmsg":"ok","phone_info":{...}}}.
 */
@RequestScoped
@Path("api/wxa/business/getuserphonenumber")
public class PhoneNumberResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    ServerTokenGuard guard;
    @Inject
    MiniProgramCodes codes;
    @Inject
    IdDerivation ids;
    @Inject
    SimPhones phones;
    @Inject
    SimClock clock;
    @Context
    UriInfo uriInfo;
    @Context
    HttpServletRequest request;

    @POST
    public Response phoneNumber(String body) {
        ServerTokenGuard.Access access = guard.check(QueryParams.of(uriInfo.getRequestUri()).get("access_token"),
                Set.of(AppType.MINIPROGRAM), request.getRemoteAddr());
        if (!access.ok()) {
            return ServerTokenGuard.refusal(access, request.getRemoteAddr());
        }
        SimJson.Body parsed = SimJson.body(body);
        if (parsed.error() != null) {
            return parsed.error();
        }
        String code = SimJson.string(parsed.json(), "code");
        if (code == null || code.isEmpty()) {
            return WeChatResponses.error(41008);
        }
        String appId = access.app().appId();
        String openId = SimJson.string(parsed.json(), "openid");
        AuthCodes.Redemption redemption = codes.redeemPhone(code, appId, grant ->
                openId == null || openId.isEmpty() || openId.equals(ids.openId(appId, grant.personId())) ? 0 : 40029);
        if (!redemption.ok()) {
            return WeChatResponses.error(redemption.errcode() == 40163 ? 40029 : redemption.errcode());
        }
        JsonObject info = PhoneData.phoneInfo(phones.of(redemption.grant().personId()), appId, clock.instant());
        JsonObject ok = WeChatResponses.body(0, "ok");
        return WeChatResponses.json(JSON.createObjectBuilder(ok).add("phone_info", info).build());
    }
}
