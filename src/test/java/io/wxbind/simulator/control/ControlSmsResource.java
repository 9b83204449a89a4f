package io.wxbind.simulator.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * {@code /control/sms}: the demo's SMS outbox. POST {@code {"phone","text"}} records a sent SMS →
 * 201 {@code {"id","phone","text","time":<epoch s>,"at"}}; GET {@code ?phone=} (or all) →
 * {@code {"messages":[...]}} oldest first, so the newest is last; DELETE and
 * {@code POST /control/reset} clear it. Nothing is really sent.
 */
@RequestScoped
@Path("control/sms")
public class ControlSmsResource {

    private static final Set<String> FIELDS = Set.of("phone", "text");

    @Inject
    SmsInbox sms;

    @POST
    public Response send(String body) {
        JsonObject json = ControlJson.object(body, FIELDS);
        String phone = ControlJson.string(json, "phone");
        String text = ControlJson.string(json, "text");
        if (phone == null || !SmsInbox.PHONE.matcher(phone).matches()) {
            throw new ControlRequestException(400, "bad_phone", "'phone' must be 3-32 digits (optional +, spaces, -)");
        }
        if (text == null || text.isEmpty() || text.length() > SmsInbox.MAX_TEXT) {
            throw new ControlRequestException(400, "bad_text", "'text' must be 1-" + SmsInbox.MAX_TEXT + " characters");
        }
        return ControlJson.json(201, json(sms.add(phone, text)));
    }

    @GET
    public Response list(@QueryParam("phone") String phone) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        sms.list(phone).forEach(m -> messages.add(json(m)));
        return ControlJson.json(200, Json.createObjectBuilder().add("messages", messages).build());
    }

    @DELETE
    public Response clear() {
        sms.reset();
        return ControlJson.json(200, Json.createObjectBuilder().add("cleared", true).build());
    }

    private static JsonObject json(SmsInbox.Sms m) {
        return Json.createObjectBuilder().add("id", m.id()).add("phone", m.phone()).add("text", m.text())
                .add("time", m.at().getEpochSecond()).add("at", m.at().toString()).build();
    }
}
