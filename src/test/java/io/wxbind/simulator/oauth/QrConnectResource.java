package io.wxbind.simulator.oauth;

import io.wxbind.simulator.config.SimConfig;
import io.wxbind.simulator.oauth.AuthorizeValidation.Outcome;
import io.wxbind.simulator.oauth.AuthorizeValidation.Rejected;
import io.wxbind.simulator.oauth.AuthorizeValidation.Valid;
import io.wxbind.simulator.oauth.QrConnectSessions.Poll;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.qr.QrImages;
import io.wxbind.simulator.web.Html;
import io.wxbind.simulator.web.OpenPages;
import io.wxbind.simulator.web.PersonResolver;
import io.wxbind.simulator.web.QrConnectPages;
import io.wxbind.simulator.web.QueryParams;
import io.wxbind.simulator.web.Redirects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * open.weixin.qq.com/connect/qrconnect, website QR login on the desktop (protocol §2):
 *
 * <pre>
 *  1. GET qrconnect?appid&redirect_uri&scope=snsapi_login&state  → checked like WeChat (errors are pages)
 *  2. the page shows a QR code of {@code open/connect/confirm?uuid=U} ({@code qrconnect/qrcode?uuid=U})
 *     and polls {@code qrconnect/poll?uuid=U} every second
 *  3. a phone opens that URL (scans: {@link QrConnectConfirmResource}) and allows or denies
 *  4. the poll answers the redirect once: redirect_uri?code&state (allow) or ?state (deny, the
 *     older documented behaviour); the page follows it
 * </pre>
 * Test hooks: headers {@code X-WeChat-Sim-Person} + {@code X-WeChat-Sim-Consent: allow|deny}
 * answer step 1 with the redirect at once; {@code POST /control/qrconnect} scans and answers for a
 * person (HTTP tests that go through the page).
 */
@RequestScoped
@Path("open/connect/qrconnect")
public class QrConnectResource {

    @Inject
    SimConfig config;
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
    public Response qrConnect() {
        String base = Html.basePath(uriInfo.getBaseUri());
        Outcome outcome = AuthorizeValidation.qrConnect(QueryParams.of(uriInfo.getRequestUri()), config); // 1
        if (outcome instanceof Rejected rejected) {
            return OpenPages.error(200, base, rejected.code(), rejected.message());
        }
        AuthorizeRequest request = ((Valid) outcome).request();
        PersonResolver.Who who = PersonResolver.resolve(headers, people);
        if (who.unknownHeaderId() != null) {
            return OpenPages.error(200, base, "person", "Unknown simulator person '" + who.unknownHeaderId()
                    + "' in header " + PersonResolver.HEADER);
        }
        String automatic = headers.getHeaderString(PersonResolver.CONSENT_HEADER);
        if ("deny".equalsIgnoreCase(automatic)) {
            return Redirects.found(request.redirectDenied());
        } else if ("allow".equalsIgnoreCase(automatic) && who.person() != null) {
            return Approvals.approve(codes, request, who.person());
        }
        String uuid = sessions.open(request); // 2
        String q = "?uuid=" + uuid;
        return QrConnectPages.desktop(base, request.app(), uuid, base + "open/connect/qrconnect/qrcode" + q,
                base + "open/connect/qrconnect/poll" + q,
                base + "phone?ticket=" + URLEncoder.encode(confirmUrl(uuid), StandardCharsets.UTF_8));
    }

    /** The QR code the desktop shows: a real one (ZXing) of the phone's confirm URL. */
    @GET
    @Path("qrcode")
    public Response qrCode() {
        String uuid = QueryParams.of(uriInfo.getRequestUri()).get("uuid");
        if (sessions.request(uuid).isEmpty()) {
            return Response.status(404).header("Cache-Control", "no-store").build();
        }
        return Response.ok(QrImages.jpeg(confirmUrl(uuid)), QrImages.CONTENT_TYPE).header("Cache-Control", "no-store").build();
    }

    /** Step 4: {@code {"status","wx_errcode"}}, plus {@code "redirect"} once the phone answered. */
    @GET
    @Path("poll")
    public Response poll() {
        Poll poll = sessions.poll(QueryParams.of(uriInfo.getRequestUri()).get("uuid"));
        JsonObjectBuilder body = Json.createObjectBuilder().add("status", poll.status().name().toLowerCase(Locale.ROOT))
                .add("wx_errcode", poll.status().wxErrcode());
        if (poll.redirect() != null) {
            body.add("redirect", poll.redirect());
        }
        return Response.ok(body.build().toString(), "application/json; charset=utf-8").header("Cache-Control", "no-store").build();
    }

    /** What the QR code encodes (WeChat's is {@code https://open.weixin.qq.com/connect/confirm?uuid=}). */
    private String confirmUrl(String uuid) {
        return uriInfo.getBaseUri().resolve("open/connect/confirm?uuid=" + uuid).toString();
    }
}
