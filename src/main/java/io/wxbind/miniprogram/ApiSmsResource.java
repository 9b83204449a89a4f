package io.wxbind.miniprogram;

import io.wxbind.client.ClientAddressResolver;
import io.wxbind.rest.JsonBody;
import io.wxbind.sms.SmsSendHandler;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code POST /api/wechat/miniprogram/sms {"bindTicket", "phone"}}: an unbound mini-program or app
 * user asks for the SMS code that binds by phone ({@code /bind} with {@code "phone", "smsCode"}).
 * The same rules as the web bind page's ({@link SmsSendHandler}): only a valid bind ticket may
 * trigger an SMS, the code is tied to that ticket, and the send and guessing throttles apply.
 */
@Path("wechat/miniprogram/sms")
public class ApiSmsResource {

    static final String EXAMPLE = "{\"bindTicket\": \"...\", \"phone\": \"+86 138 0000 0000\"}";

    @Inject
    SmsSendHandler handler;

    @Inject
    ClientAddressResolver addresses;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(String body) {
        Optional<JsonObject> json = JsonBody.object(body);
        String ticket = json.map(j -> JsonBody.string(j, "bindTicket")).orElse(null);
        String phone = json.map(j -> JsonBody.string(j, "phone")).orElse(null);
        if (ticket == null || phone == null) {
            return JsonBody.badRequest(EXAMPLE);
        }
        SmsSendHandler.Reply reply = handler.handle(ticket, phone, Optional.of(ApiTicketHolder.HASH), addresses.of(request).throttleKey());
        Response.ResponseBuilder answer = Response.status(reply.status()).type(MediaType.APPLICATION_JSON).entity(reply.body().toString());
        if (reply.retryAfterSeconds() > 0) {
            answer.header("Retry-After", reply.retryAfterSeconds());
        }
        return answer.build();
    }
}
