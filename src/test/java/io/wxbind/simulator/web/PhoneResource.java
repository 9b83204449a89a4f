package io.wxbind.simulator.web;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.message.Inbox;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.push.InteractionRefused;
import io.wxbind.simulator.push.Interactions;
import io.wxbind.simulator.push.PushLog;
import io.wxbind.simulator.qr.QrCode;
import io.wxbind.simulator.qr.QrTickets;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.regex.Pattern;

/**
 * {@code /wechat-sim/phone}: the phone of the person in this browser (cookie from the chooser, or
 * the test header; nobody → the chooser, then back here). {@code ?ticket=} pre-fills the scan
 * field (a ticket, a showqrcode URL or the code's URL, or a website QR login code, which opens its
 * confirmation screen; the page also offers the account's newest
 * valid codes), {@code ?appid=} picks the official account to chat with. The forms do what the control API does ({@link Interactions}) and come
 * back here (303) showing the push's outcome; {@code GET phone/messages?appid=} feeds the
 * self-refreshing message list.
 */
@RequestScoped
@Path("phone")
public class PhoneResource {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Pattern MENU_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int RECENT_CODES = 5;
    /** What a website QR login code encodes ({@code QrConnectResource}). */
    private static final Pattern WEBSITE_LOGIN = Pattern.compile("/open/connect/confirm\\?uuid=([A-Za-z0-9]{1,64})$");

    @Inject
    SimPeople people;
    @Inject
    SimApps apps;
    @Inject
    QrTickets tickets;
    @Inject
    Interactions interactions;
    @Inject
    Inbox inbox;
    @Inject
    PushLog log;
    @Context
    UriInfo uriInfo;
    @Context
    HttpHeaders headers;
    @Context
    HttpServletRequest request;

    @GET
    public Response page() {
        SimPerson person = person();
        if (person == null) {
            return chooser();
        }
        Map<String, String> q = QueryParams.of(uriInfo.getRequestUri());
        QrCode code = tickets.lookup(q.get("ticket")).orElse(null);
        PushLog.Entry last = parseLong(q.get("push")) == null ? null : log.find(parseLong(q.get("push")))
                .filter(e -> e.personId().equals(person.id())).orElse(null);
        return render(200, person, q.get("appid"), q.get("ticket"), code, last, null);
    }

    @POST
    @Path("scan")
    public Response scan(String body) {
        Map<String, String> form = QueryParams.parse(body);
        SimPerson person = person();
        if (person == null) {
            return chooser();
        }
        String scanned = form.getOrDefault("ticket", "").trim();
        java.util.regex.Matcher websiteLogin = WEBSITE_LOGIN.matcher(scanned);
        if (websiteLogin.find()) { // a website's QR login code (qrconnect): its confirmation screen
            return Redirects.seeOther(uriInfo, base() + "open/connect/confirm?uuid=" + websiteLogin.group(1));
        }
        QrCode code = tickets.lookup(scanned).orElse(null);
        if (code == null) {
            return render(404, person, form.get("appid"), scanned, null, null, "Unknown QR code: check the ticket.");
        }
        return act(person, code.appId(), scanned, code, () -> interactions.scan(code, person, request.getLocalPort()));
    }

    @POST
    @Path("menu")
    public Response menu(String body) {
        Map<String, String> form = QueryParams.parse(body);
        SimPerson person = person();
        if (person == null) {
            return chooser();
        }
        String key = form.getOrDefault("key", "");
        if (!MENU_KEY.matcher(key).matches()) {
            return render(400, person, form.get("appid"), null, null, null, "Unknown menu button.");
        }
        return act(person, form.get("appid"), null, null,
                () -> interactions.menu(form.get("appid"), person, "CLICK", key, request.getLocalPort()));
    }

    @POST
    @Path("send")
    public Response send(String body) {
        Map<String, String> form = QueryParams.parse(body);
        SimPerson person = person();
        if (person == null) {
            return chooser();
        }
        String content = form.getOrDefault("content", "");
        if (content.isBlank() || content.length() > 2048) {
            return render(400, person, form.get("appid"), null, null, null, "Type a message of 1-2048 characters.");
        }
        return act(person, form.get("appid"), null, null,
                () -> interactions.text(form.get("appid"), person, content, request.getLocalPort()));
    }

    @GET
    @Path("messages")
    public Response messages() {
        SimPerson person = person();
        if (person == null) {
            return Response.status(401).build();
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (Inbox.Received m : inbox.of(person.id(), QueryParams.of(uriInfo.getRequestUri()).get("appid"))) {
            list.add(JSON.createObjectBuilder().add("seq", m.seq()).add("kind", m.kind().key())
                    .add("msgType", m.msgType()).add("text", m.text()).add("time", m.at().getEpochSecond())
                    .add("clock", PhonePage.clock(m)));
        }
        return Response.ok(JSON.createObjectBuilder().add("messages", list).build().toString())
                .type("application/json; charset=utf-8").header("Cache-Control", "no-store").build();
    }

    private interface Action {
        PushLog.Entry run();
    }

    private Response act(SimPerson person, String appId, String ticketText, QrCode code, Action action) {
        try {
            PushLog.Entry entry = action.run();
            String next = base() + "phone?appid=" + enc(entry.appId()) + "&push=" + entry.id()
                    + (ticketText == null || ticketText.isEmpty() ? "" : "&ticket=" + enc(ticketText));
            return Redirects.seeOther(uriInfo, next);
        } catch (InteractionRefused e) {
            int status = e.code().equals("ticket_expired") ? 410 : e.code().equals("app_not_found") ? 404 : 409;
            return render(status, person, appId, ticketText, code, null, e.getMessage());
        }
    }

    private Response render(int status, SimPerson person, String appId, String ticketText, QrCode code,
            PushLog.Entry last, String notice) {
        List<SimApp> accounts = apps.all().stream().filter(a -> a.type() == AppType.OFFICIAL).toList();
        String wanted = appId != null ? appId : code != null ? code.appId() : null;
        SimApp app = accounts.stream().filter(a -> a.appId().equals(wanted)).findFirst()
                .orElse(accounts.isEmpty() ? null : accounts.get(0));
        List<Inbox.Received> messages = app == null ? List.of() : inbox.of(person.id(), app.appId());
        List<QrCode> recent = app == null ? List.of() : tickets.recent(app.appId(), RECENT_CODES);
        PhonePage.View view = new PhonePage.View(person, person.headImgUrl(uriInfo.getBaseUri().toString()), accounts,
                app, ticketText == null ? "" : ticketText, code, recent, last, messages, notice);
        return PhonePage.render(status, base(), view);
    }

    private SimPerson person() {
        return PersonResolver.resolve(headers, people).person();
    }

    private Response chooser() {
        String query = uriInfo.getRequestUri().getRawQuery();
        String back = base() + "phone" + (query == null || request.getMethod().equals("POST") ? "" : "?" + query);
        return Redirects.seeOther(uriInfo, base() + "choose?continue=" + enc(back));
    }

    private String base() {
        return Html.basePath(uriInfo.getBaseUri());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
