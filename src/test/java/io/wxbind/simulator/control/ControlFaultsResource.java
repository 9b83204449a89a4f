package io.wxbind.simulator.control;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * {@code /control/faults}: POST
 * {@code {"path","latencyMs"?,"errcode"?,"httpStatus"?,"hang"?,"count"?}} → 201 with the rule and its
 * {@code id}; GET {@code {"faults":[...]}} (hang rules also show {@code hanging}, the calls parked
 * on them now); DELETE (all, or {@code ?path=} those with that path) → {@code {"cleared":n}}, which
 * also releases hanging calls.
 */
@RequestScoped
@Path("control/faults")
public class ControlFaultsResource {

    private static final Set<String> FIELDS = Set.of("path", "latencyMs", "errcode", "httpStatus", "hang", "count");

    @Inject
    Faults faults;

    @POST
    public Response add(String body) {
        JsonObject json = ControlJson.object(body, FIELDS);
        FaultSpec spec = new FaultSpec(ControlJson.string(json, "path"), ControlJson.integer(json, "latencyMs"),
                ControlJson.integer(json, "errcode"), ControlJson.integer(json, "httpStatus"),
                ControlJson.bool(json, "hang"), ControlJson.integer(json, "count"));
        if (!spec.problems().isEmpty()) {
            throw new ControlRequestException(400, "bad_fault", String.join("; ", spec.problems()));
        }
        return ControlJson.json(201, json(faults.add(spec)));
    }

    @GET
    public Response list() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        faults.list().forEach(rule -> all.add(json(rule)));
        return ControlJson.json(200, Json.createObjectBuilder().add("faults", all).build());
    }

    @DELETE
    public Response clear(@QueryParam("path") String path) {
        return ControlJson.json(200, Json.createObjectBuilder().add("cleared", faults.clear(path)).build());
    }

    private JsonObject json(FaultRule rule) {
        FaultSpec spec = rule.spec();
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", rule.id()).add("path", spec.path());
        addIfSet(json, "latencyMs", spec.latencyMs());
        addIfSet(json, "errcode", spec.errcode());
        addIfSet(json, "httpStatus", spec.httpStatus());
        json.add("hang", spec.hang());
        if (spec.hang()) {
            json.add("hanging", rule.waiting());
        }
        addIfSet(json, "count", spec.count());
        addIfSet(json, "remaining", faults.remaining(rule));
        return json.build();
    }

    private static void addIfSet(JsonObjectBuilder json, String key, Integer value) {
        if (value != null) {
            json.add(key, value);
        }
    }
}
