package io.wxbind.simulator.control;

import io.wxbind.simulator.oauth.AuthCodes;
import io.wxbind.simulator.oauth.QrConnectSessions;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /control/qrconnect {"uuid","person","decision"}}: what a phone does with a website
 * QR login code (the {@code data-uuid} of the qrconnect page), for HTTP tests without a browser:
 * scan it as {@code person}, then {@code decision} {@code allow} or {@code deny} (leave it out to
 * scan only). 200 {@code {"uuid","person","status"}} (scanned, allowed, denied); 404
 * {@code person_not_found}; 410 {@code expired} (unknown, expired or finished uuid); 409
 * {@code already_scanned} (by someone else) or {@code not_scanned}. The desktop's poll then
 * carries WeChat's redirect.
 */
@RequestScoped
@Path("control/qrconnect")
public class ControlQrConnectResource {

    private static final Set<String> FIELDS = Set.of("uuid", "person", "decision");

    @Inject
    SimPeople people;
    @Inject
    QrConnectSessions sessions;
    @Inject
    AuthCodes codes;

    @POST
    public Response scanAndAnswer(String body) {
        JsonObject json = ControlJson.object(body, FIELDS);
        String uuid = ControlJson.string(json, "uuid");
        String personId = ControlJson.string(json, "person");
        String decision = ControlJson.string(json, "decision");
        if (uuid == null || personId == null || (decision != null && !Set.of("allow", "deny").contains(decision))) {
            throw new ControlRequestException(400, "bad_field", "give 'uuid', 'person' and optionally 'decision' (allow or deny)");
        }
        SimPerson person = people.find(personId).orElseThrow(() ->
                new ControlRequestException(404, "person_not_found", "no person with id '" + personId + "'"));
        refuseIf(sessions.scan(uuid, person.id()));
        String status = "scanned";
        if (decision != null) {
            refuseIf(sessions.answer(uuid, person.id(), decision.equals("allow"), codes));
            status = decision.equals("allow") ? "allowed" : "denied";
        }
        return ControlJson.json(200, Json.createObjectBuilder().add("uuid", uuid).add("person", person.id()).add("status", status).build());
    }

    private static void refuseIf(QrConnectSessions.Refusal refused) {
        if (refused == null) {
            return;
        }
        String code = refused.name().toLowerCase(Locale.ROOT);
        int status = switch (refused) {
            case UNKNOWN, EXPIRED -> 410;
            case ALREADY_SCANNED, NOT_SCANNED_BY_YOU -> 409;
        };
        throw new ControlRequestException(status, refused == QrConnectSessions.Refusal.UNKNOWN ? "expired"
                : refused == QrConnectSessions.Refusal.NOT_SCANNED_BY_YOU ? "not_scanned" : code,
                "this QR login code cannot be " + (refused == QrConnectSessions.Refusal.NOT_SCANNED_BY_YOU ? "answered" : "scanned") + ": " + code);
    }
}
