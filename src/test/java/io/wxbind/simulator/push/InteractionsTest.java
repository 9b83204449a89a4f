package io.wxbind.simulator.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.config.SimConfig;
import io.wxbind.simulator.config.SimDefaults;
import io.wxbind.simulator.message.CustomMessage;
import io.wxbind.simulator.message.CustomMessages;
import io.wxbind.simulator.message.Inbox;
import io.wxbind.simulator.message.ServiceWindows;
import io.wxbind.simulator.people.IdDerivation;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.people.Subscriptions;
import io.wxbind.simulator.qr.QrAction;
import io.wxbind.simulator.qr.QrCode;
import io.wxbind.simulator.qr.QrRequest;
import io.wxbind.simulator.qr.QrTickets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scans, follows, clicks and texts end to end against a local developer server. */
class InteractionsTest {

    private static final String APP = SimDefaults.OFFICIAL_APP_ID;

    private final SimClock clock = new SimClock(Clock.systemUTC());
    private final SimConfig config = SimConfig.defaults();
    private final SimApps apps = new SimApps(config);
    private final SimApp app = apps.app(APP).orElseThrow();
    private final SimPeople people = new SimPeople(config.people());
    private final IdDerivation ids = new IdDerivation("s".getBytes(StandardCharsets.UTF_8));
    private final Subscriptions subscriptions = new Subscriptions();
    private final ServiceWindows windows = new ServiceWindows(clock);
    private final Inbox inbox = new Inbox(clock);
    private final CustomMessages custom = new CustomMessages(clock, people, ids, subscriptions, windows, inbox);
    private final PushTargets targets = new PushTargets();
    private final PushLog log = new PushLog();
    private final QrTickets tickets = new QrTickets(clock);
    private final Interactions interactions = new Interactions(clock, apps, ids, subscriptions, windows, inbox,
            targets, new PushSender(clock, RetryPolicy.WECHAT), log);
    private final PushSenderTest.Receiver receiver = new PushSenderTest.Receiver(app.token(), app.aesKey(), APP);
    private final SimPerson liNa = people.find("li-na").orElseThrow();

    InteractionsTest() {
        targets.update(app, new PushTargets.Patch(receiver.url(), null, 1000), 8080);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private QrCode code(String scene) {
        return tickets.create(APP, new QrRequest(QrAction.QR_STR_SCENE, 0, scene, 300)).code();
    }

    private WxMpXmlMessage lastPush() {
        List<PushSenderTest.Receiver.Request> requests = receiver.requests();
        return WxMpXmlMessage.fromXml(requests.get(requests.size() - 1).plaintext());
    }

    @Test
    void scanWhenNotFollowingThenSubscribeWithPrefixThenScanWithoutPrefix() {
        QrCode code = code("bind:n0nce");
        PushLog.Entry first = interactions.scan(code, liNa, 8080);
        assertTrue(first.result().delivered(), first.toString());
        WxMpXmlMessage subscribe = lastPush();
        assertEquals("subscribe", subscribe.getEvent());
        assertEquals("qrscene_bind:n0nce", subscribe.getEventKey());
        assertEquals(code.ticket(), subscribe.getTicket());
        assertEquals(ids.openId(APP, "li-na"), subscribe.getFromUser());
        assertEquals(app.effectiveOriginalId(), subscribe.getToUser());
        Subscriptions.Subscription follow = subscriptions.find(APP, "li-na").orElseThrow();
        assertEquals("ADD_SCENE_QR_CODE", follow.scene());
        assertEquals("bind:n0nce", follow.qrSceneStr());

        interactions.scan(code, liNa, 8080);
        WxMpXmlMessage scan = lastPush();
        assertEquals("SCAN", scan.getEvent());
        assertEquals("bind:n0nce", scan.getEventKey());
        assertEquals(List.of(), receiver.problems());
    }

    @Test
    void scanWhenServerSendsCustomMessageWhileHandlingThenWindowAlreadyOpen() {
        AtomicInteger errcode = new AtomicInteger(-2);
        receiver.answer(r -> {
            errcode.set(custom.send(APP, new CustomMessage(ids.openId(APP, "li-na"), "text", "Bound to alice")));
            return PushSenderTest.Receiver.Answer.ok("success");
        });
        interactions.scan(code("bind:1"), liNa, 8080);
        assertEquals(0, errcode.get(), "follow state and window are set before the push goes out");
        assertEquals(List.of("Bound to alice"), inbox.of("li-na", APP).stream().map(Inbox.Received::text).toList());
    }

    @Test
    void scanWhenPassiveReplyThenInInboxAndWhenServerFailsThenWeChatNotice() {
        receiver.answer(r -> PushSenderTest.Receiver.Answer.ok(receiver.encryptedReply(PushXml.start()
                .text("ToUserName", ids.openId(APP, "li-na")).text("FromUserName", app.effectiveOriginalId())
                .number("CreateTime", 1L).text("MsgType", "text").text("Content", "绑定成功").end())));
        PushLog.Entry replied = interactions.scan(code("bind:2"), liNa, 8080);
        assertEquals("绑定成功", replied.result().reply().text());

        receiver.answer(r -> new PushSenderTest.Receiver.Answer(503, "", 0));
        PushLog.Entry failed = interactions.menu(APP, liNa, PushMessage.CLICK, "BIND", 8080);
        assertFalse(failed.result().delivered());
        assertEquals(4, failed.result().attempts().size());
        List<Inbox.Received> received = inbox.of("li-na", APP);
        assertEquals(List.of(Inbox.Kind.PASSIVE, Inbox.Kind.NOTICE), received.stream().map(Inbox.Received::kind).toList());
        assertEquals(Inbox.SERVICE_UNAVAILABLE, received.get(1).text());
        assertEquals(2, log.list(APP, "li-na").size());
    }

    @Test
    void textAndClickWhenFollowingThenMsgIdAndWindows() {
        interactions.follow(APP, liNa, 8080);
        assertEquals("subscribe", lastPush().getEvent());
        assertEquals("ADD_SCENE_SEARCH", subscriptions.find(APP, "li-na").orElseThrow().scene());
        assertEquals("already_following", assertThrows(InteractionRefused.class,
                () -> interactions.follow(APP, liNa, 8080)).code());

        PushLog.Entry text = interactions.text(APP, liNa, "bind", 8080);
        assertNotNull(text.message().msgId());
        assertEquals(text.message().msgId(), lastPush().getMsgId());
        assertEquals("bind", lastPush().getContent());
        interactions.menu(APP, liNa, PushMessage.CLICK, "BIND", 8080);
        assertEquals("CLICK", lastPush().getEvent());
        assertEquals("BIND", lastPush().getEventKey());
        assertEquals(2, windows.windows(APP, "li-na").size(), "a message and an event window");
    }

    @Test
    void clickWhenNotFollowingThenFollowsSilentlyFirst() {
        PushLog.Entry click = interactions.menu(APP, liNa, PushMessage.CLICK, "BIND", 8080);
        assertEquals(1, receiver.requests().size(), "no subscribe push, only the click");
        assertEquals("CLICK", click.message().event());
        assertEquals("ADD_SCENE_OTHERS", subscriptions.find(APP, "li-na").orElseThrow().scene());
        assertEquals(0, custom.send(APP, new CustomMessage(ids.openId(APP, "li-na"), "text", "here is your link")));
    }

    @Test
    void unfollowWhenFollowingThenUnsubscribePushedAndWindowsClosed() {
        interactions.follow(APP, liNa, 8080);
        interactions.unfollow(APP, liNa, 8080);
        assertEquals("unsubscribe", lastPush().getEvent());
        assertTrue(subscriptions.find(APP, "li-na").isEmpty());
        assertTrue(windows.windows(APP, "li-na").isEmpty());
        assertEquals(45015, custom.send(APP, new CustomMessage(ids.openId(APP, "li-na"), "text", "x")));
        assertEquals("not_following", assertThrows(InteractionRefused.class,
                () -> interactions.unfollow(APP, liNa, 8080)).code());
    }

    @Test
    void scanWhenCodeExpiredOrAppNotOfficialThenRefused() {
        QrCode code = code("bind:3");
        clock.advance(Duration.ofSeconds(300));
        assertEquals("ticket_expired", assertThrows(InteractionRefused.class,
                () -> interactions.scan(code, liNa, 8080)).code());
        assertEquals("not_official_account", assertThrows(InteractionRefused.class,
                () -> interactions.follow(SimDefaults.WEBSITE_APP_ID, liNa, 8080)).code());
        assertTrue(receiver.requests().isEmpty());
    }
}
