package io.wxbind.simulator.control;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.miniprogram.LoginLimits;
import io.wxbind.simulator.people.SimPeople;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * {@code /control/login-limits}: switches jscode2session's user answers on (protocol §3.1, §11).
 * POST {@code {"appid"?,"person"?,"blocked"?,"perMinute"?}} → 201: {@code blocked:true} makes the
 * matching logins answer 40226 "code blocked" (high-risk user); {@code perMinute:N} answers 45011
 * past N calls a minute (0: at once; default limit 100). At least one of appid (a mini program)
 * and person; a rule for the same pair replaces the earlier one. GET lists, DELETE (and
 * {@code POST /control/reset}) removes all rules and counts.
 */
@RequestScoped
@Path("control/login-limits")
public class ControlLoginLimitsResource {

    private static final Set<String> FIELDS = Set.of("appid", "person", "blocked", "perMinute");

    @Inject
    LoginLimits limits;
    @Inject
    SimApps apps;
    @Inject
    SimPeople people;

    @GET
    public Response list() {
        JsonArrayBuilder rules = Json.createArrayBuilder();
        limits.rules().forEach(r -> rules.add(json(r)));
        return ControlJson.json(200, Json.createObjectBuilder().add("rules", rules).build());
    }

    @POST
    public Response add(String body) {
        JsonObject json = ControlJson.object(body, FIELDS);
        String appId = ControlJson.string(json, "appid");
        String personId = ControlJson.string(json, "person");
        boolean blocked = ControlJson.bool(json, "blocked");
        Integer perMinute = ControlJson.integer(json, "perMinute");
        if (appId == null && personId == null) {
            throw new ControlRequestException(400, "bad_field", "give 'appid', 'person' or both");
        }
        if (!blocked && perMinute == null || perMinute != null && perMinute < 0) {
            throw new ControlRequestException(400, "bad_field", "give 'blocked':true and/or 'perMinute' >= 0");
        }
        if (appId != null && apps.app(appId).filter(a -> a.type() == AppType.MINIPROGRAM).isEmpty()) {
            throw new ControlRequestException(404, "app_not_found", "no mini program with appid '" + appId + "'");
        }
        if (personId != null && people.find(personId).isEmpty()) {
            throw new ControlRequestException(404, "person_not_found", "no person with id '" + personId + "'");
        }
        LoginLimits.Rule rule = new LoginLimits.Rule(appId, personId, blocked, perMinute);
        limits.put(rule);
        return ControlJson.json(201, json(rule));
    }

    @DELETE
    public Response clear() {
        limits.reset();
        return ControlJson.json(200, Json.createObjectBuilder().add("cleared", true).build());
    }

    private static JsonObject json(LoginLimits.Rule rule) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (rule.appId() != null) {
            json.add("appid", rule.appId());
        }
        if (rule.personId() != null) {
            json.add("person", rule.personId());
        }
        json.add("blocked", rule.blocked());
        if (rule.perMinute() != null) {
            json.add("perMinute", rule.perMinute());
        }
        return json.build();
    }
}
