package io.wxbind.simulator.oauth;

import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.web.Html;
import io.wxbind.simulator.web.OpenPages;
import io.wxbind.simulator.web.PersonResolver;
import io.wxbind.simulator.web.QrConnectPages;
import io.wxbind.simulator.web.QueryParams;
import io.wxbind.simulator.web.Redirects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The phone's side of website QR login (protocol §2, step 3 of {@link QrConnectResource}): the QR
 * code's URL opened in the phone's WeChat (the phone page's scan field leads here) is the scan; it
 * shows the confirmation screen, whose answer the desktop then learns by its poll. The person is
 * the phone's (cookie from the chooser, or the test header); nobody → the chooser, then back.
 */
@RequestScoped
@Path("open/connect/confirm")
public class QrConnectConfirmResource {

    @Inject
    SimPeople people;
    @Inject
    AuthCodes codes;
    @Inject
    QrConnectSessions sessions;
    @Context
    UriInfo uriInfo;
    @Context
    HttpHeaders headers;

    @GET
    public Response scan() {
        String base = Html.basePath(uriInfo.getBaseUri());
        String uuid = QueryParams.of(uriInfo.getRequestUri()).get("uuid");
        SimPerson person = PersonResolver.resolve(headers, people).person();
        if (person == null) {
            URI here = uriInfo.getRequestUri();
            String back = here.getRawPath() + (here.getRawQuery() == null ? "" : "?" + here.getRawQuery());
            return Redirects.found(uriInfo, base + "choose?continue=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        }
        QrConnectSessions.Refusal refused = sessions.scan(uuid, person.id());
        if (refused != null) {
            return refusal(base, refused);
        }
        AuthorizeRequest request = sessions.request(uuid).orElseThrow();
        return QrConnectPages.confirm(base, request.app(), person, person.headImgUrl(uriInfo.getBaseUri().toString()), uuid);
    }

    /** 允许 or 拒绝, by the person who scanned; the body is read leniently, like WeChat's own forms. */
    @POST
    @Path("reply")
    public Response reply(String body) {
        String base = Html.basePath(uriInfo.getBaseUri());
        Map<String, String> form = QueryParams.parse(body);
        String decision = form.get("decision");
        if (!"allow".equals(decision) && !"deny".equals(decision)) {
            return OpenPages.error(400, base, "decision", "decision must be allow or deny");
        }
        SimPerson person = PersonResolver.resolve(headers, people).person();
        if (person == null) {
            return OpenPages.error(403, base, "person", "Open this page on the phone that scanned the code");
        }
        String uuid = form.get("uuid");
        AuthorizeRequest request = sessions.request(uuid).orElse(null);
        QrConnectSessions.Refusal refused = sessions.answer(uuid, person.id(), "allow".equals(decision), codes);
        if (refused != null) {
            return refusal(base, refused);
        }
        return QrConnectPages.done(base, request.app(), "allow".equals(decision) ? "allowed" : "denied");
    }

    private static Response refusal(String base, QrConnectSessions.Refusal refused) {
        return switch (refused) {
            case UNKNOWN, EXPIRED -> OpenPages.error(410, base, "expired", "二维码已失效 (this QR code expired or was already used)");
            case ALREADY_SCANNED -> OpenPages.error(409, base, "scanned", "二维码已被扫描 (someone else already scanned this code)");
            case NOT_SCANNED_BY_YOU -> OpenPages.error(409, base, "not_scanned", "请先扫描二维码 (scan the code first, on this phone)");
        };
    }
}
