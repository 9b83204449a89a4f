package io.wxbind.simulator.control;

import io.wxbind.simulator.push.PushLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code /control/pushes}: every push sent, oldest first, {@code ?appid=} and {@code ?person=}
 * filter → {@code {"pushes":[PushJson...]}} with each delivery's outcome; DELETE forgets them all.
 */
@RequestScoped
@Path("control/pushes")
public class ControlPushLogResource {

    @Inject
    PushLog log;

    @GET
    public Response list(@QueryParam("appid") String appId, @QueryParam("person") String personId) {
        JsonArrayBuilder pushes = Json.createArrayBuilder();
        log.list(appId, personId).forEach(e -> pushes.add(PushJson.of(e)));
        return ControlJson.json(200, Json.createObjectBuilder().add("pushes", pushes).build());
    }

    @DELETE
    public Response clear() {
        log.reset();
        return ControlJson.json(200, Json.createObjectBuilder().add("cleared", true).build());
    }
}
