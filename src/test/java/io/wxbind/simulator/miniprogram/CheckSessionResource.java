package io.wxbind.simulator.miniprogram;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.people.IdDerivation;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.token.ServerTokenGuard;
import io.wxbind.simulator.web.WeChatResponses;
import io.wxbind.simulator.web.QueryParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET api.weixin.qq.com/wxa/checksession?access_token&signature&openid&sig_method=hmac_sha256}
 * (protocol §3.2). The mini program's server token first ({@link ServerTokenGuard}), then 41009
 * missing openid, 40003 openid not of this app; then {@code {"errcode":0,"errmsg":"ok"}} when the
 * signature is that of the person's current session_key, else 87009 (no key yet, a rotated key,
 * another sig_method).
 */
@RequestScoped
@Path("api/wxa/checksession")
public class CheckSessionResource {

    static final String SIG_METHOD = "hmac_sha256";

    @Inject
    ServerTokenGuard guard;
    @Inject
    SimPeople people;
    @Inject
    IdDerivation ids;
    @Inject
    SessionKeys sessionKeys;
    @Context
    UriInfo uriInfo;
    @Context
    HttpServletRequest request;

    @GET
    public Response check() {
        Map<String, String> q = QueryParams.of(uriInfo.getRequestUri());
        ServerTokenGuard.Access access = guard.check(q.get("access_token"), Set.of(AppType.MINIPROGRAM),
                request.getRemoteAddr());
        if (!access.ok()) {
            return ServerTokenGuard.refusal(access, request.getRemoteAddr());
        }
        String appId = access.app().appId();
        String openId = q.get("openid");
        if (openId == null || openId.isEmpty()) {
            return WeChatResponses.error(41009);
        }
        Optional<SimPerson> person = owner(people, ids, appId, openId);
        if (person.isEmpty()) {
            return WeChatResponses.error(40003);
        }
        boolean valid = SIG_METHOD.equals(q.get("sig_method"))
                && sessionKeys.signatureMatches(appId, person.get().id(), q.get("signature"));
        return valid ? WeChatResponses.ok() : WeChatResponses.error(87009);
    }

    /** The person whose openid in {@code appId} is {@code openId}. */
    static Optional<SimPerson> owner(SimPeople people, IdDerivation ids, String appId, String openId) {
        return people.all().stream().filter(p -> ids.openId(appId, p.id()).equals(openId)).findFirst();
    }
}
