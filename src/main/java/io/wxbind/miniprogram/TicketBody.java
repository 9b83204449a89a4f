package io.wxbind.miniprogram;

import io.wxbind.rest.JsonBody;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The JSON body of {@code /bind} and {@code /register}: an object with a {@code bindTicket}, or
 * the 400 that answers anything else ({@code bad_request}, {@code bind_ticket_missing}).
 *
 * @param json    the parsed body; null when refused
 * @param ticket  the raw bind ticket; null when refused
 * @param refusal the answer when the body is no such object, else null
 */
record TicketBody(JsonObject json, String ticket, Response refusal) {

    static TicketBody parse(String body, String example) {
        Optional<JsonObject> json = JsonBody.object(body);
        if (json.isEmpty()) {
            return new TicketBody(null, null, JsonBody.badRequest(example));
        }
        String ticket = JsonBody.string(json.get(), "bindTicket");
        if (ticket == null || ticket.isBlank()) {
            return new TicketBody(null, null, MiniProgramAnswers.problem(MiniProgramProblem.BIND_TICKET_MISSING, 0));
        }
        return new TicketBody(json.get(), ticket, null);
    }
}
