package io.wxbind.simulator.control;

import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.push.InteractionRefused;
import io.wxbind.simulator.push.Interactions;
import io.wxbind.simulator.push.PushLog;
import io.wxbind.simulator.push.PushMessage;
import io.wxbind.simulator.qr.QrCode;
import io.wxbind.simulator.qr.QrTickets;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A person acting on an official account, which makes the simulator push to the developer server
 * ({@link Interactions}); each answers 200 with {@link PushJson} once the push is delivered or has
 * failed (after up to 3 retries of 5 s each, so allow ~25 s):
 * <ul>
 * <li>{@code POST /control/scan {"ticket","person"}} → {@code subscribe} (new follower,
 *     {@code EventKey=qrscene_<scene>}) or {@code SCAN} ({@code EventKey=<scene>});
 *     404 {@code ticket_not_found}, 410 {@code ticket_expired}</li>
 * <li>{@code POST /control/push {"appid","person","msgType":"event"|"text","event","eventKey","content"}}:
 *     events {@code CLICK}, {@code VIEW}, {@code subscribe} (follow without QR), {@code unsubscribe};
 *     text messages get a {@code MsgId}; a click or text by a non-follower makes them a follower
 *     first, silently (a test shortcut: WeChat only lets followers do either)</li>
 * <li>{@code POST /control/unfollow {"appid","person"}} → {@code unsubscribe}</li>
 * </ul>
 * 409 {@code not_following} / {@code already_following} when WeChat would not allow the action.
 */
@RequestScoped
@Path("control/{action: scan|push|unfollow}")
public class ControlInteractionsResource {

    static final int MAX_CONTENT = 2048;
    static final int MAX_EVENT_KEY = 256;

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "scan", Set.of("ticket", "person"),
            "push", Set.of("appid", "person", "msgType", "event", "eventKey", "content"),
            "unfollow", Set.of("appid", "person"));
    private static final Map<String, String> EVENTS = Map.of("click", PushMessage.CLICK, "view", PushMessage.VIEW,
            "subscribe", PushMessage.SUBSCRIBE, "unsubscribe", PushMessage.UNSUBSCRIBE);

    @Inject
    Interactions interactions;
    @Inject
    QrTickets tickets;
    @Inject
    SimPeople people;
    @Context
    HttpServletRequest request;

    @POST
    public Response act(@PathParam("action") String action, String body) {
        JsonObject json = ControlJson.object(body, FIELDS.get(action));
        SimPerson person = person(required(json, "person"));
        int port = request.getLocalPort();
        try {
            PushLog.Entry entry = switch (action) {
                case "scan" -> interactions.scan(ticket(required(json, "ticket")), person, port);
                case "unfollow" -> interactions.unfollow(required(json, "appid"), person, port);
                default -> push(json, person, port);
            };
            return ControlJson.json(200, PushJson.of(entry));
        } catch (InteractionRefused e) {
            int status = switch (e.code()) {
                case "app_not_found" -> 404;
                case "ticket_expired" -> 410;
                case "not_official_account" -> 400;
                default -> 409;
            };
            throw new ControlRequestException(status, e.code(), e.getMessage());
        }
    }

    private PushLog.Entry push(JsonObject json, SimPerson person, int port) {
        String appId = required(json, "appid");
        String msgType = required(json, "msgType");
        if (msgType.equals("text")) {
            return interactions.text(appId, person, text(json, "content", MAX_CONTENT), port);
        }
        if (!msgType.equals("event")) {
            throw new ControlRequestException(400, "bad_field", "'msgType' must be event or text");
        }
        String event = EVENTS.get(required(json, "event").toLowerCase(Locale.ROOT));
        if (event == null) {
            throw new ControlRequestException(400, "bad_field",
                    "'event' must be CLICK, VIEW, subscribe or unsubscribe (scan a ticket with POST /control/scan)");
        }
        return switch (event) {
            case PushMessage.SUBSCRIBE -> interactions.follow(appId, person, port);
            case PushMessage.UNSUBSCRIBE -> interactions.unfollow(appId, person, port);
            default -> interactions.menu(appId, person, event, text(json, "eventKey", MAX_EVENT_KEY), port);
        };
    }

    private QrCode ticket(String ticket) {
        return tickets.lookup(ticket).orElseThrow(() ->
                new ControlRequestException(404, "ticket_not_found", "no QR code with this ticket"));
    }

    private SimPerson person(String id) {
        return people.find(id).orElseThrow(() ->
                new ControlRequestException(404, "person_not_found", "no person with id '" + id + "'"));
    }

    private static String required(JsonObject json, String key) {
        String value = ControlJson.string(json, key);
        if (value == null || value.isEmpty()) {
            throw new ControlRequestException(400, "missing_field", "'" + key + "' is required");
        }
        return value;
    }

    /** A required text WeChat could carry: bounded, no control characters but tab and newlines. */
    private static String text(JsonObject json, String key, int max) {
        String value = required(json, key);
        if (value.length() > max || value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new ControlRequestException(400, "bad_field", "'" + key + "' must be 1-" + max
                    + " characters without control characters");
        }
        return value;
    }
}
