package io.wxbind.simulator.control;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.push.PushTarget;
import io.wxbind.simulator.push.PushTargets;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * {@code /control/apps/{appid}/push-settings}: where and how the simulator pushes to an official
 * account's server. GET / PUT / DELETE answer {@code {"appid","originalId","url","urlSource":
 * "config"|"default"|"override","mode":"plain"|"compatible"|"aes","timeoutMs"}}. PUT takes any of
 * {@code {"url","mode","timeoutMs"}} ({@code "url":""} back to the configured or default URL;
 * {@code timeoutMs} 100–5000 shortens WeChat's 5 s wait); DELETE and {@code POST /control/reset}
 * restore the configuration. Never shows the push token or AES key.
 */
@RequestScoped
@Path("control/apps/{appid}/push-settings")
public class ControlPushSettingsResource {

    private static final Set<String> FIELDS = Set.of("url", "mode", "timeoutMs");

    @Inject
    SimApps apps;
    @Inject
    PushTargets targets;
    @Context
    HttpServletRequest request;

    @GET
    public Response get(@PathParam("appid") String appId) {
        SimApp app = officialAccount(appId);
        return answer(app, targets.target(app, request.getLocalPort()));
    }

    @PUT
    public Response update(@PathParam("appid") String appId, String body) {
        SimApp app = officialAccount(appId);
        JsonObject json = ControlJson.object(body, FIELDS);
        PushTargets.Patch patch = new PushTargets.Patch(ControlJson.string(json, "url"),
                ControlJson.string(json, "mode"), ControlJson.integer(json, "timeoutMs"));
        if (!patch.problems(app).isEmpty()) {
            throw new ControlRequestException(400, "bad_push_settings", String.join("; ", patch.problems(app)));
        }
        return answer(app, targets.update(app, patch, request.getLocalPort()));
    }

    @DELETE
    public Response restore(@PathParam("appid") String appId) {
        SimApp app = officialAccount(appId);
        targets.restore(app.appId());
        return answer(app, targets.target(app, request.getLocalPort()));
    }

    private static Response answer(SimApp app, PushTarget target) {
        return ControlJson.json(200, Json.createObjectBuilder().add("appid", app.appId())
                .add("originalId", app.effectiveOriginalId()).add("url", target.url())
                .add("urlSource", target.source()).add("mode", target.mode().key())
                .add("timeoutMs", target.timeout().toMillis()).build());
    }

    private SimApp officialAccount(String appId) {
        SimApp app = apps.app(appId).orElseThrow(() ->
                new ControlRequestException(404, "app_not_found", "no app with appid '" + appId + "'"));
        if (app.type() != AppType.OFFICIAL) {
            throw new ControlRequestException(400, "not_official_account", "only official accounts receive pushes");
        }
        return app;
    }
}
