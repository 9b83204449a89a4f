package io.wxbind.simulator.web;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.miniprogram.ClientActions;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code /wechat-sim/phone/apps}: the phone's mini programs and mobile apps, for the demo. Opening
 * a mini program runs {@code wx.login}, its phone button makes a phone code, "Sign in with WeChat"
 * in a mobile app makes the SDK code; the page shows the code to paste where the developer's
 * client would send it. Same actions as {@code /control/client} ({@link ClientActions}).
 */
@RequestScoped
@Path("phone/apps")
public class MiniAppsResource {

    @Inject
    SimPeople people;
    @Inject
    SimApps apps;
    @Inject
    ClientActions client;
    @Context
    UriInfo uriInfo;
    @Context
    HttpHeaders headers;

    @GET
    public Response page() {
        SimPerson person = PersonResolver.resolve(headers, people).person();
        return person == null ? chooser() : render(200, person, null);
    }

    @POST
    public Response act(String body) {
        SimPerson person = PersonResolver.resolve(headers, people).person();
        if (person == null) {
            return chooser();
        }
        Map<String, String> form = QueryParams.parse(body);
        SimApp app = apps.app(form.get("appid")).orElse(null);
        String action = form.getOrDefault("action", "");
        if (app != null && app.type() == AppType.MINIPROGRAM && action.equals("login")) {
            return render(200, person, new MiniAppsPage.Produced(app, "wx.login code", client.wxLogin(app.appId(), person.id())));
        } else if (app != null && app.type() == AppType.MINIPROGRAM && action.equals("phone")) {
            ClientActions.PhoneCode phone = client.phoneCode(app.appId(), person.id());
            return render(200, person, new MiniAppsPage.Produced(app, "phone code for "
                    + phone.phone().phoneNumber(), phone.code()));
        } else if (app != null && app.type() == AppType.MOBILE && action.equals("login")) {
            return render(200, person, new MiniAppsPage.Produced(app, "SDK code", client.mobileLogin(app.appId(), person.id())));
        }
        return render(400, person, null);
    }

    private Response render(int status, SimPerson person, MiniAppsPage.Produced produced) {
        List<SimApp> clientApps = apps.all().stream()
                .filter(a -> a.type() == AppType.MINIPROGRAM || a.type() == AppType.MOBILE).toList();
        return MiniAppsPage.render(status, Html.basePath(uriInfo.getBaseUri()), person, clientApps, produced);
    }

    private Response chooser() {
        String base = Html.basePath(uriInfo.getBaseUri());
        return Redirects.seeOther(uriInfo, base + "choose?continue="
                + URLEncoder.encode(base + "phone/apps", StandardCharsets.UTF_8));
    }
}
