package io.wxbind.simulator.control;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.miniprogram.ClientActions;
import io.wxbind.simulator.people.PhoneNumber;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * {@code /control/client}: what WeChat's client does inside a mini program or a mobile app, for
 * tests and the demo; every call takes {@code {"appid","person"}}.
 * <ul>
 * <li>{@code POST /login} → 201 {@code {"appid","person","kind","code","expiresIn":300}}: a
 * mini program's {@code wx.login} code (kind {@code wx.login}, for sns/jscode2session) or a mobile
 * app's SDK authorization code (kind {@code sdk}, for sns/oauth2/access_token, scope snsapi_userinfo);</li>
 * <li>{@code POST /phone-code} → 201 {@code {..., "code", "phoneNumber", "purePhoneNumber",
 * "countryCode"}}: the phone button's code (mini programs, for wxa/business/getuserphonenumber);</li>
 * <li>{@code POST /encrypted-phone} → 200 {@code {"encryptedData","iv"}}: the legacy phone data
 * under the person's current session_key; 409 {@code no_session_key} before a jscode2session.</li>
 * </ul>
 */
@RequestScoped
@Path("control/client")
public class ControlClientResource {

    private static final Set<String> FIELDS = Set.of("appid", "person");

    @Inject
    SimApps apps;
    @Inject
    SimPeople people;
    @Inject
    ClientActions client;

    @POST
    @Path("login")
    public Response login(String body) {
        Target target = target(body, AppType.MINIPROGRAM, AppType.MOBILE);
        boolean mini = target.app().type() == AppType.MINIPROGRAM;
        String code = mini ? client.wxLogin(target.app().appId(), target.person().id())
                : client.mobileLogin(target.app().appId(), target.person().id());
        return ControlJson.json(201, codeJson(target, mini ? "wx.login" : "sdk", code).build());
    }

    @POST
    @Path("phone-code")
    public Response phoneCode(String body) {
        Target target = target(body, AppType.MINIPROGRAM);
        ClientActions.PhoneCode issued = client.phoneCode(target.app().appId(), target.person().id());
        PhoneNumber phone = issued.phone();
        return ControlJson.json(201, codeJson(target, "getPhoneNumber", issued.code())
                .add("phoneNumber", phone.phoneNumber()).add("purePhoneNumber", phone.purePhoneNumber())
                .add("countryCode", phone.countryCode()).build());
    }

    @POST
    @Path("encrypted-phone")
    public Response encryptedPhone(String body) {
        Target target = target(body, AppType.MINIPROGRAM);
        return client.encryptedPhone(target.app().appId(), target.person().id())
                .map(data -> ControlJson.json(200, Json.createObjectBuilder()
                        .add("encryptedData", data.encryptedData()).add("iv", data.iv()).build()))
                .orElseThrow(() -> new ControlRequestException(409, "no_session_key", "person '"
                        + target.person().id() + "' has no session_key in this mini program yet: exchange a "
                        + "wx.login code at sns/jscode2session first"));
    }

    private record Target(SimApp app, SimPerson person) {
    }

    private Target target(String body, AppType... kinds) {
        JsonObject json = ControlJson.object(body, FIELDS);
        String appId = ControlJson.string(json, "appid");
        String personId = ControlJson.string(json, "person");
        if (appId == null || personId == null) {
            throw new ControlRequestException(400, "bad_field", "give 'appid' and 'person'");
        }
        SimApp app = apps.app(appId).orElseThrow(() ->
                new ControlRequestException(404, "app_not_found", "no app with appid '" + appId + "'"));
        if (!Set.of(kinds).contains(app.type())) {
            throw new ControlRequestException(400, "wrong_app_type", "app '" + appId + "' is a "
                    + app.type().key() + " app; this call needs " + kindNames(kinds));
        }
        SimPerson person = people.find(personId).orElseThrow(() ->
                new ControlRequestException(404, "person_not_found", "no person with id '" + personId + "'"));
        return new Target(app, person);
    }

    private static JsonObjectBuilder codeJson(Target target, String kind, String code) {
        return Json.createObjectBuilder().add("appid", target.app().appId()).add("person", target.person().id())
                .add("kind", kind).add("code", code).add("expiresIn", ClientActions.CODE_TTL.toSeconds());
    }

    private static String kindNames(AppType... kinds) {
        StringBuilder names = new StringBuilder();
        for (AppType kind : kinds) {
            names.append(names.length() == 0 ? "" : " or ").append(kind.key());
        }
        return names.toString();
    }
}
