package io.wxbind.simulator.control;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.message.Inbox;
import io.wxbind.simulator.message.ServiceWindows;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * {@code /control/people/{id}/messages}: what the person received from official accounts, oldest
 * first ({@code ?appid=} filters): {@code {"person","messages":[{"seq","appid","kind":"passive"|
 * "custom"|"notice","msgType","text","time":<epoch s>,"at"}],"windows":[{"appid","interaction":
 * "message"|"event","openedAt","closesAt","remaining"}]}}; {@code windows} are the open
 * customer-service windows (§8). DELETE clears the messages → {@code {"cleared":n}}.
 */
@RequestScoped
@Path("control/people/{id}/messages")
public class ControlMessagesResource {

    @Inject
    SimPeople people;
    @Inject
    SimApps apps;
    @Inject
    Inbox inbox;
    @Inject
    ServiceWindows windows;

    @GET
    public Response list(@PathParam("id") String id, @QueryParam("appid") String appId) {
        SimPerson person = person(id);
        JsonArrayBuilder messages = Json.createArrayBuilder();
        inbox.of(person.id(), appId).forEach(m -> messages.add(json(m)));
        JsonArrayBuilder open = Json.createArrayBuilder();
        for (SimApp app : apps.all()) {
            if (app.type() == AppType.OFFICIAL && (appId == null || appId.equals(app.appId()))) {
                windows.windows(app.appId(), person.id()).forEach(w -> open.add(Json.createObjectBuilder()
                        .add("appid", app.appId()).add("interaction", w.interaction().name().toLowerCase(Locale.ROOT))
                        .add("openedAt", w.openedAt().toString()).add("closesAt", w.closesAt().toString())
                        .add("remaining", w.remaining())));
            }
        }
        return ControlJson.json(200, Json.createObjectBuilder().add("person", person.id())
                .add("messages", messages).add("windows", open).build());
    }

    @DELETE
    public Response clear(@PathParam("id") String id) {
        return ControlJson.json(200, Json.createObjectBuilder().add("cleared", inbox.clear(person(id).id())).build());
    }

    static JsonObject json(Inbox.Received m) {
        return Json.createObjectBuilder().add("seq", m.seq()).add("appid", m.appId()).add("kind", m.kind().key())
                .add("msgType", m.msgType()).add("text", m.text()).add("time", m.at().getEpochSecond())
                .add("at", m.at().toString()).build();
    }

    private SimPerson person(String id) {
        return people.find(id).orElseThrow(() ->
                new ControlRequestException(404, "person_not_found", "no person with id '" + id + "'"));
    }
}
