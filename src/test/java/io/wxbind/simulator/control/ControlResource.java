package io.wxbind.simulator.control;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.message.CustomMessages;
import io.wxbind.simulator.message.Inbox;
import io.wxbind.simulator.message.ServiceWindows;
import io.wxbind.simulator.oauth.AuthCodes;
import io.wxbind.simulator.oauth.PendingAuthorizations;
import io.wxbind.simulator.oauth.QrConnectSessions;
import io.wxbind.simulator.oauth.WebTokens;
import io.wxbind.simulator.miniprogram.LoginLimits;
import io.wxbind.simulator.miniprogram.MiniProgramCodes;
import io.wxbind.simulator.miniprogram.SessionKeys;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPhones;
import io.wxbind.simulator.people.Subscriptions;
import io.wxbind.simulator.push.PushLog;
import io.wxbind.simulator.push.PushTargets;
import io.wxbind.simulator.qr.QrTickets;
import io.wxbind.simulator.token.ServerTokens;
import io.wxbind.simulator.token.StableTokens;
import io.wxbind.simulator.token.TokenLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;

/**
 * {@code /control}: {@code POST /reset} (codes, tokens, the token log, run-time token settings,
 * counters, faults, follows, QR tickets, sending windows, received messages, push settings, the
 * push log, website QR logins, SMS, mini-program codes, session keys and login limits, phones set at run time,
 * clock offset and run-time people), {@code GET|POST /clock}
 * ({@code {"advanceSeconds":N}} moves simulator time forward, {@code {"offsetSeconds":N}} sets the
 * offset from real time outright, so a test can put the clock back where it found it),
 * {@code GET /apps} (apps with their effective token settings, without secret, token or AES key;
 * official accounts also show {@code originalId} and {@code pushMode}).
 */
@RequestScoped
@Path("control")
public class ControlResource {

    private static final Logger LOG = Logger.getLogger(ControlResource.class.getName());

    @Inject
    SimApps apps;
    @Inject
    SimClock clock;
    @Inject
    SimPeople people;
    @Inject
    Subscriptions subscriptions;
    @Inject
    AuthCodes codes;
    @Inject
    PendingAuthorizations pending;
    @Inject
    QrConnectSessions qrConnects;
    @Inject
    WebTokens webTokens;
    @Inject
    ServerTokens serverTokens;
    @Inject
    StableTokens stableTokens;
    @Inject
    TokenLog tokenLog;
    @Inject
    CallCounter calls;
    @Inject
    Faults faults;
    @Inject
    QrTickets qrTickets;
    @Inject
    ServiceWindows windows;
    @Inject
    Inbox inbox;
    @Inject
    CustomMessages customMessages;
    @Inject
    PushTargets pushTargets;
    @Inject
    PushLog pushLog;
    @Inject
    SmsInbox sms;
    @Inject
    MiniProgramCodes miniProgramCodes;
    @Inject
    SessionKeys sessionKeys;
    @Inject
    LoginLimits loginLimits;
    @Inject
    SimPhones phones;

    @POST
    @Path("reset")
    public Response reset() {
        faults.clear(null);
        calls.reset();
        codes.reset();
        pending.reset();
        qrConnects.reset();
        webTokens.reset();
        stableTokens.reset();
        serverTokens.reset();
        tokenLog.clear(null);
        apps.reset();
        subscriptions.reset();
        qrTickets.reset();
        windows.reset();
        inbox.reset();
        customMessages.reset();
        pushTargets.reset();
        pushLog.reset();
        sms.reset();
        miniProgramCodes.reset();
        sessionKeys.reset();
        loginLimits.reset();
        phones.reset();
        people.reset();
        clock.reset();
        LOG.info("WeChat simulator reset");
        return ControlJson.json(200, Json.createObjectBuilder().add("reset", true).build());
    }

    @GET
    @Path("clock")
    public Response clock() {
        return ControlJson.json(200, clockJson());
    }

    @POST
    @Path("clock")
    public Response advance(String body) {
        JsonObject json = ControlJson.object(body, Set.of("advanceSeconds", "offsetSeconds"));
        Integer advance = ControlJson.integer(json, "advanceSeconds");
        Integer offset = ControlJson.integer(json, "offsetSeconds");
        if ((advance == null) == (offset == null) || (advance != null ? advance : offset) < 0) {
            throw new ControlRequestException(400, "bad_field",
                    "give exactly one of 'advanceSeconds' or 'offsetSeconds', an integer >= 0");
        }
        if (advance != null) {
            clock.advance(Duration.ofSeconds(advance));
        } else {
            clock.setOffset(Duration.ofSeconds(offset));
        }
        return ControlJson.json(200, clockJson());
    }

    @GET
    @Path("apps")
    public Response apps() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (SimApp app : apps.all()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("appid", app.appId())
                    .add("type", app.type().key()).add("name", app.name());
            addIfSet(json, "openPlatform", app.openPlatform());
            addIfSet(json, "oauthDomain", app.oauthDomain());
            addIfSet(json, "pushUrl", app.pushUrl());
            if (app.type() == AppType.OFFICIAL) {
                json.add("originalId", app.effectiveOriginalId()).add("pushMode", app.effectivePushMode().key());
            }
            list.add(json.add("tokenExpiresIn", app.tokenExpiresIn())
                    .add("tokenGraceSeconds", app.tokenGraceSeconds())
                    .add("tokenDailyQuota", app.tokenDailyQuota())
                    .add("ipAllowList", Json.createArrayBuilder(app.ipAllowList().entries())));
        }
        return ControlJson.json(200, Json.createObjectBuilder().add("apps", list).build());
    }

    private JsonObject clockJson() {
        return Json.createObjectBuilder().add("now", clock.instant().toString())
                .add("epochSeconds", clock.instant().getEpochSecond())
                .add("offsetSeconds", clock.offset().toSeconds()).build();
    }

    private static void addIfSet(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }
}
