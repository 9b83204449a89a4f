package io.wxbind.simulator.push;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.message.Inbox;
import io.wxbind.simulator.message.ServiceWindows;
import io.wxbind.simulator.people.IdDerivation;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.people.Subscriptions;
import io.wxbind.simulator.qr.QrCode;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a person does to an official account in WeChat, and what WeChat then does:
 *
 * <pre>
 * 1. check the action is possible (code valid, following or not)           → {@link InteractionRefused}
 *    (a menu click or text by a non-follower follows silently first: a test shortcut)
 * 2. update the follow state (subscribe via QR / search, unsubscribe)
 * 3. open the customer-service window (§8) — before the push, so the developer
 *    server may already send custom messages while it handles the push
 * 4. build the push (§6.2) and send it with retries ({@link PushSender})
 * 5. record: push log, the passive reply in the person's inbox, or WeChat's
 *    "service unavailable" notice when every delivery failed
 * </pre>
 *
 * A scan by a non-follower is {@code subscribe} with {@code EventKey=qrscene_<scene>} (and makes
 * them a follower); by a follower it is {@code SCAN} with {@code EventKey=<scene>}. Text messages
 * get a {@code MsgId}. {@code CreateTime}, follow times and windows use the simulator clock
 * (the push's signed {@code timestamp} does not, see {@link PushSender}). {@code localPort} is this
 * server's port, for the default push URL.
 */
public final class Interactions {

    private final Clock clock;
    private final SimApps apps;
    private final IdDerivation ids;
    private final Subscriptions subscriptions;
    private final ServiceWindows windows;
    private final Inbox inbox;
    private final PushTargets targets;
    private final PushSender sender;
    private final PushLog log;
    private final AtomicLong nextMsgId;

    public Interactions(Clock clock, SimApps apps, IdDerivation ids, Subscriptions subscriptions,
            ServiceWindows windows, Inbox inbox, PushTargets targets, PushSender sender, PushLog log) {
        this.clock = clock;
        this.apps = apps;
        this.ids = ids;
        this.subscriptions = subscriptions;
        this.windows = windows;
        this.inbox = inbox;
        this.targets = targets;
        this.sender = sender;
        this.log = log;
        this.nextMsgId = new AtomicLong(7_000_000_000_000_000_000L + Math.floorMod(clock.millis(), 1_000_000_000L) * 1000);
    }

    public PushLog.Entry scan(QrCode code, SimPerson person, int localPort) {
        SimApp app = officialAccount(code.appId());
        Instant now = clock.instant();
        if (code.expiredAt(now)) {
            throw new InteractionRefused("ticket_expired", "the QR code has expired");
        }
        boolean wasFollowing = subscriptions.find(app.appId(), person.id()).isPresent();
        if (!wasFollowing) {
            boolean stringScene = code.request().action().stringScene();
            subscriptions.subscribe(new Subscriptions.Subscription(app.appId(), person.id(), now, "ADD_SCENE_QR_CODE",
                    stringScene ? 0 : code.request().sceneId(), stringScene ? code.sceneValue() : ""));
        }
        windows.open(app.appId(), person.id(), ServiceWindows.Interaction.EVENT);
        PushMessage message = wasFollowing
                ? event(app, person, now, PushMessage.SCAN, code.sceneValue(), code.ticket())
                : event(app, person, now, PushMessage.SUBSCRIBE, code.subscribeEventKey(), code.ticket());
        return deliver(app, person, message, localPort);
    }

    /** Follows without a QR code (found the account by search). */
    public PushLog.Entry follow(String appId, SimPerson person, int localPort) {
        SimApp app = officialAccount(appId);
        Instant now = clock.instant();
        if (subscriptions.find(app.appId(), person.id()).isPresent()) {
            throw new InteractionRefused("already_following", person.id() + " already follows " + app.appId());
        }
        subscriptions.subscribe(new Subscriptions.Subscription(app.appId(), person.id(), now, "ADD_SCENE_SEARCH", 0, ""));
        windows.open(app.appId(), person.id(), ServiceWindows.Interaction.EVENT);
        return deliver(app, person, event(app, person, now, PushMessage.SUBSCRIBE, null, null), localPort);
    }

    public PushLog.Entry unfollow(String appId, SimPerson person, int localPort) {
        SimApp app = following(appId, person);
        subscriptions.unsubscribe(app.appId(), person.id());
        windows.close(app.appId(), person.id());
        return deliver(app, person, event(app, person, clock.instant(), PushMessage.UNSUBSCRIBE, null, null), localPort);
    }

    /** A menu button of type click ({@code CLICK}, opens the 1-minute window) or view ({@code VIEW}). */
    public PushLog.Entry menu(String appId, SimPerson person, String event, String eventKey, int localPort) {
        SimApp app = chatting(appId, person);
        if (event.equals(PushMessage.CLICK)) {
            windows.open(app.appId(), person.id(), ServiceWindows.Interaction.EVENT);
        }
        return deliver(app, person, event(app, person, clock.instant(), event, eventKey, null), localPort);
    }

    /** A text message: opens the 48-hour window of 5 messages. */
    public PushLog.Entry text(String appId, SimPerson person, String content, int localPort) {
        SimApp app = chatting(appId, person);
        windows.open(app.appId(), person.id(), ServiceWindows.Interaction.MESSAGE);
        PushMessage message = PushMessage.text(app.effectiveOriginalId(), ids.openId(app.appId(), person.id()),
                clock.instant().getEpochSecond(), content, nextMsgId.incrementAndGet());
        return deliver(app, person, message, localPort);
    }

    private PushLog.Entry deliver(SimApp app, SimPerson person, PushMessage message, int localPort) {
        PushTarget target = targets.target(app, localPort);
        PushSender.Result result = sender.send(target, message);
        boolean unsubscribed = PushMessage.UNSUBSCRIBE.equals(message.event());
        PassiveReply reply = result.reply();
        if (reply != null && !unsubscribed) {
            inbox.add(app.appId(), person.id(), Inbox.Kind.PASSIVE, reply.msgType(), reply.text());
        } else if (!result.delivered() && !result.attempts().isEmpty() && !unsubscribed) {
            inbox.add(app.appId(), person.id(), Inbox.Kind.NOTICE, "text", Inbox.SERVICE_UNAVAILABLE);
        }
        return log.add(app.appId(), person.id(), message, target, result, clock.instant());
    }

    private PushMessage event(SimApp app, SimPerson person, Instant now, String event, String eventKey, String ticket) {
        return PushMessage.event(app.effectiveOriginalId(), ids.openId(app.appId(), person.id()), now.getEpochSecond(),
                event, eventKey, ticket);
    }

    /**
     * Only followers can click menus or write to an account in WeChat. As a test shortcut a
     * non-follower is made one first, silently (no subscribe push), like
     * {@code PUT /control/people/{id}/follows/{appid}}.
     */
    private SimApp chatting(String appId, SimPerson person) {
        SimApp app = officialAccount(appId);
        subscriptions.subscribe(new Subscriptions.Subscription(app.appId(), person.id(), clock.instant(),
                "ADD_SCENE_OTHERS", 0, ""));
        return app;
    }

    private SimApp following(String appId, SimPerson person) {
        SimApp app = officialAccount(appId);
        if (subscriptions.find(app.appId(), person.id()).isEmpty()) {
            throw new InteractionRefused("not_following", person.id() + " does not follow " + app.appId()
                    + "; scan one of its QR codes (or follow it) first");
        }
        return app;
    }

    private SimApp officialAccount(String appId) {
        SimApp app = apps.app(appId).orElseThrow(() ->
                new InteractionRefused("app_not_found", "no app with appid '" + appId + "'"));
        if (app.type() != AppType.OFFICIAL) {
            throw new InteractionRefused("not_official_account", "only official accounts receive messages and events");
        }
        return app;
    }
}
