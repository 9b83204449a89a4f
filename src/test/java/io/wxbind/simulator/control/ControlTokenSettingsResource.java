package io.wxbind.simulator.control;

import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.config.TokenSettings;
import io.wxbind.simulator.config.TokenSettingsPatch;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * {@code /control/apps/{appid}/token-settings}: an app's server-token settings, changeable at run
 * time so refresher tests can shrink WeChat's 7200 s window without a restart. Body and answer
 * share one shape, {@code {"expiresIn":20,"graceSeconds":5,"dailyQuota":2000,"ipAllowList":"127.0.0.2/32"}},
 * so a test can save the GET answer and PUT it back. PUT takes any subset ({@code "ipAllowList":""}
 * clears the whitelist) and answers the effective settings; DELETE (and {@code POST /control/reset})
 * restores the configured values. Never shows the secret, push token or AES key.
 */
@RequestScoped
@Path("control/apps/{appid}/token-settings")
public class ControlTokenSettingsResource {

    private static final Set<String> FIELDS = Set.of("expiresIn", "graceSeconds", "dailyQuota", "ipAllowList");

    @Inject
    SimApps apps;

    @GET
    public Response get(@PathParam("appid") String appId) {
        return answer(apps.app(appId).map(TokenSettings::of).orElseThrow(() -> unknown(appId)));
    }

    @PUT
    public Response update(@PathParam("appid") String appId, String body) {
        if (apps.app(appId).isEmpty()) {
            throw unknown(appId);
        }
        JsonObject json = ControlJson.object(body, FIELDS);
        TokenSettingsPatch patch = new TokenSettingsPatch(ControlJson.integer(json, "expiresIn"),
                ControlJson.integer(json, "graceSeconds"), ControlJson.integer(json, "dailyQuota"),
                ControlJson.string(json, "ipAllowList"));
        if (!patch.problems().isEmpty()) {
            throw new ControlRequestException(400, "bad_token_settings", String.join("; ", patch.problems()));
        }
        return answer(apps.update(appId, patch).orElseThrow(() -> unknown(appId)));
    }

    @DELETE
    public Response restore(@PathParam("appid") String appId) {
        return answer(apps.restore(appId).orElseThrow(() -> unknown(appId)));
    }

    static JsonObject json(TokenSettings settings) {
        return Json.createObjectBuilder().add("expiresIn", settings.expiresIn())
                .add("graceSeconds", settings.graceSeconds()).add("dailyQuota", settings.dailyQuota())
                .add("ipAllowList", settings.ipAllowListText()).build();
    }

    private static Response answer(TokenSettings settings) {
        return ControlJson.json(200, json(settings));
    }

    private static ControlRequestException unknown(String appId) {
        return new ControlRequestException(404, "app_not_found", "no app with appid '" + appId + "'");
    }
}
