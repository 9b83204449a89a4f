package io.wxbind.simulator.control;

import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.token.ServerTokens;
import io.wxbind.simulator.token.TokenLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code /control/tokens}: the server-token issuance log, so refresher tests can assert "never two
 * new tokens within one window". GET {@code ?appid=} (or all apps) →
 * {@code {"tokens":[{"appid","kind":"client_credential"|"stable","issuedAt":<epoch ms>,"expiresIn",
 * "forceRefresh","new"}],"counts":{"client_credential":{"total","new"},"stable":{...}},"dropped"}},
 * oldest first, no token values; with an appid also {@code "dailyQuota":{"limit","used"}} of
 * {@code cgi-bin/token}. DELETE ({@code ?appid=} or all) clears the log; tokens stay valid.
 */
@RequestScoped
@Path("control/tokens")
public class ControlTokensResource {

    @Inject
    TokenLog log;
    @Inject
    SimApps apps;
    @Inject
    ServerTokens serverTokens;

    @GET
    public Response get(@QueryParam("appid") String appId) {
        SimApp app = appId == null ? null : known(appId);
        TokenLog.Snapshot snapshot = log.snapshot(appId);
        JsonArrayBuilder tokens = Json.createArrayBuilder();
        snapshot.entries().forEach(e -> tokens.add(json(e)));
        JsonObjectBuilder counts = Json.createObjectBuilder();
        for (ServerTokens.Kind kind : ServerTokens.Kind.values()) {
            TokenLog.Counts c = snapshot.counts().get(kind);
            counts.add(kind.wireName(), Json.createObjectBuilder().add("total", c.total()).add("new", c.fresh()));
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("tokens", tokens).add("counts", counts)
                .add("dropped", snapshot.dropped());
        if (app != null) {
            body.add("appid", app.appId()).add("dailyQuota", Json.createObjectBuilder()
                    .add("limit", app.tokenDailyQuota()).add("used", serverTokens.quotaUsed(app.appId())));
        }
        return ControlJson.json(200, body.build());
    }

    @DELETE
    public Response clear(@QueryParam("appid") String appId) {
        if (appId != null) {
            known(appId);
        }
        log.clear(appId);
        return ControlJson.json(200, Json.createObjectBuilder().add("cleared", true).build());
    }

    private static JsonObject json(TokenLog.Entry e) {
        return Json.createObjectBuilder().add("appid", e.appId()).add("kind", e.kind().wireName())
                .add("issuedAt", e.issuedAt().toEpochMilli()).add("expiresIn", e.expiresIn())
                .add("forceRefresh", e.forceRefresh()).add("new", e.fresh()).build();
    }

    private SimApp known(String appId) {
        return apps.app(appId).orElseThrow(() ->
                new ControlRequestException(404, "app_not_found", "no app with appid '" + appId + "'"));
    }
}
