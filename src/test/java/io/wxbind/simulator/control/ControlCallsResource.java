package io.wxbind.simulator.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code /control/calls}: {@code {"paths":{"/api/...":{"total":3,"byAppId":{"wx...":3}}}}};
 * {@code ?path=/api/cgi-bin/token} returns just that entry ({@code {"total":0,"byAppId":{}}} when
 * never called); DELETE zeroes the counters.
 */
@RequestScoped
@Path("control/calls")
public class ControlCallsResource {

    @Inject
    CallCounter counter;

    @GET
    public Response get(@QueryParam("path") String path) {
        if (path != null) {
            return ControlJson.json(200, json(counter.of(path)));
        }
        JsonObjectBuilder paths = Json.createObjectBuilder();
        counter.all().forEach((p, count) -> paths.add(p, json(count)));
        return ControlJson.json(200, Json.createObjectBuilder().add("paths", paths).build());
    }

    @DELETE
    public Response clear() {
        counter.reset();
        return ControlJson.json(200, Json.createObjectBuilder().add("cleared", true).build());
    }

    private static JsonObject json(CallCounter.Count count) {
        JsonObjectBuilder byAppId = Json.createObjectBuilder();
        count.byAppId().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> byAppId.add(e.getKey(), e.getValue()));
        return Json.createObjectBuilder().add("total", count.total()).add("byAppId", byAppId).build();
    }
}
