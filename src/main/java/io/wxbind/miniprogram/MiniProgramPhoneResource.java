package io.wxbind.miniprogram;

import io.wxbind.rest.JsonBody;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
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
 * {@code POST /api/wechat/miniprogram/phone} with the bearer token of a mini-program login
 * ({@link MiniProgramPhone}): {@code {"appId","code"}} (the getPhoneNumber button's code, current
 * method) or {@code {"appId","encryptedData","iv"}} (legacy). Answers {@code {"phone":"138****8000",
 * "countryCode":"86","verified":true,"recorded":true}}: the number only masked, the account's own
 * pages show it whole.
 */
@Path("wechat/miniprogram/phone")
public class MiniProgramPhoneResource {

    static final String EXAMPLE = "{\"appId\": \"wx...\", \"code\": \"<code from the getPhoneNumber button>\"}"
            + " or {\"appId\": \"wx...\", \"encryptedData\": \"...\", \"iv\": \"...\"}";
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    MiniProgramCaller callers;

    @Inject
    MiniProgramPhone phones;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response phone(String body) {
        if (request.getUserPrincipal() == null) {
            return MiniProgramCallAnswers.unauthenticated(); // before reading anything a stranger sends
        }
        Optional<JsonObject> json = JsonBody.object(body);
        if (json.isEmpty()) {
            return JsonBody.badRequest(EXAMPLE);
        }
        String code = JsonBody.string(json.get(), "code");
        String encryptedData = JsonBody.string(json.get(), "encryptedData");
        String iv = JsonBody.string(json.get(), "iv");
        boolean byCode = code != null && !code.isBlank();
        if (byCode == (encryptedData != null || iv != null)) {
            return JsonBody.badRequest(EXAMPLE); // neither, or both ways at once
        }
        MiniProgramCaller.Resolution resolution = callers.resolve(request, JsonBody.string(json.get(), "appId"));
        if (!(resolution instanceof MiniProgramCaller.Resolution.Found who)) {
            return MiniProgramCallAnswers.refused(resolution);
        }
        MiniProgramPhone.Result result = byCode ? phones.byCode(who, code) : phones.byEncryptedData(who, encryptedData, iv);
        if (result instanceof MiniProgramPhone.Result.Failed failed) {
            return MiniProgramCallAnswers.problem(failed.problem(), failed.retryAfterSeconds());
        }
        MiniProgramPhone.Result.Verified verified = (MiniProgramPhone.Result.Verified) result;
        return MiniProgramCallAnswers.ok(JSON.createObjectBuilder().add("phone", verified.phone().masked())
                .add("countryCode", verified.phone().countryCode()).add("verified", true).add("recorded", verified.recorded()).build());
    }
}
