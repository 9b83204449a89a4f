package io.wxbind.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Push fields → typed events (§6.2), and the de-duplication keys (§6.3). */
class PushEventMapperTest {

    static final Instant T = Instant.ofEpochSecond(1700000000);

    static PushMessage event(String event, String key, String ticket) {
        Map<String, String> f = new HashMap<>(Map.of("ToUserName", "gh_7f083739789a", "FromUserName", "oOPEN", "CreateTime", "1700000000",
                "MsgType", "event", "Event", event));
        if (key != null) {
            f.put("EventKey", key);
        }
        if (ticket != null) {
            f.put("Ticket", ticket);
        }
        return new PushMessage(f);
    }

    @Test
    void toEventWhenSubscribeViaQrThenSceneWithoutPrefixAndTicket() {
        assertEquals(new SubscribeEvent("wxAPP", "oOPEN", "gh_7f083739789a", T, "bind42", "TICKET"),
                PushEventMapper.toEvent("wxAPP", event("subscribe", "qrscene_bind42", "TICKET")));
    }

    @Test
    void toEventWhenPlainFollowThenNoScene() {
        assertEquals(new SubscribeEvent("wxAPP", "oOPEN", "gh_7f083739789a", T, null, null),
                PushEventMapper.toEvent("wxAPP", event("subscribe", null, null)));
        assertEquals(new SubscribeEvent("wxAPP", "oOPEN", "gh_7f083739789a", T, null, null),
                PushEventMapper.toEvent("wxAPP", event("subscribe", "", null)), "empty EventKey is a plain follow");
        assertNull(PushEventMapper.sceneOfSubscribe("qrscene_"));
    }

    @Test
    void toEventWhenEachKnownEventThenItsRecordIgnoringCase() {
        assertEquals(new ScanEvent("wxAPP", "oOPEN", "gh_7f083739789a", T, "bind42", "TK"),
                PushEventMapper.toEvent("wxAPP", event("SCAN", "bind42", "TK")));
        assertEquals(new ScanEvent("wxAPP", "oOPEN", "gh_7f083739789a", T, "bind42", "TK"),
                PushEventMapper.toEvent("wxAPP", event("scan", "bind42", "TK")));
        assertEquals(new UnsubscribeEvent("wxAPP", "oOPEN", "gh_7f083739789a", T),
                PushEventMapper.toEvent("wxAPP", event("unsubscribe", null, null)));
        assertEquals(new ClickEvent("wxAPP", "oOPEN", "gh_7f083739789a", T, "MENU_1"),
                PushEventMapper.toEvent("wxAPP", event("CLICK", "MENU_1", null)));
        assertEquals(new ViewEvent("wxAPP", "oOPEN", "gh_7f083739789a", T, "https://example.com/a?b=c"),
                PushEventMapper.toEvent("wxAPP", event("VIEW", "https://example.com/a?b=c", null)));
        assertEquals(new OtherPushEvent("wxAPP", "oOPEN", "gh_7f083739789a", T, "event", "LOCATION"),
                PushEventMapper.toEvent("wxAPP", event("LOCATION", null, null)));
    }

    @Test
    void toEventWhenTextOrOtherMessageThenTextEventOrOther() {
        PushMessage text = new PushMessage(Map.of("ToUserName", "gh_x", "FromUserName", "oOPEN", "CreateTime", "1348831860",
                "MsgType", "text", "Content", "this is a test", "MsgId", "1234567890123456"));
        assertEquals(new TextMessageEvent("wxAPP", "oOPEN", "gh_x", Instant.ofEpochSecond(1348831860), "this is a test", 1234567890123456L),
                PushEventMapper.toEvent("wxAPP", text));
        PushMessage image = new PushMessage(Map.of("ToUserName", "gh_x", "FromUserName", "oOPEN", "CreateTime", "1348831860",
                "MsgType", "image", "MsgId", "1"));
        assertEquals(new OtherPushEvent("wxAPP", "oOPEN", "gh_x", Instant.ofEpochSecond(1348831860), "image", null),
                PushEventMapper.toEvent("wxAPP", image));
    }

    @Test
    void toEventWhenRequiredFieldMissingOrGarbledThenBadRequest() {
        for (String missing : new String[] {"ToUserName", "FromUserName", "CreateTime", "MsgType"}) {
            Map<String, String> f = new HashMap<>(event("subscribe", null, null).fields());
            f.remove(missing);
            PushMessage m = new PushMessage(f);
            assertEquals(400, assertThrows(PushRejectedException.class, () -> PushEventMapper.toEvent("wxAPP", m)).status(), missing);
        }
        Map<String, String> f = new HashMap<>(event("subscribe", null, null).fields());
        f.put("CreateTime", "yesterday");
        assertEquals(400, assertThrows(PushRejectedException.class, () -> PushEventMapper.toEvent("wxAPP", new PushMessage(f))).status());
        PushMessage textWithoutId = new PushMessage(Map.of("ToUserName", "gh_x", "FromUserName", "o", "CreateTime", "1", "MsgType", "text"));
        assertEquals(400, assertThrows(PushRejectedException.class, () -> PushEventMapper.toEvent("wxAPP", textWithoutId)).status());
    }

    @Test
    void dedupeKeyWhenSameEventAgainThenSameKeyElseDifferent() {
        assertEquals(event("subscribe", "qrscene_1", "T1").dedupeKey(), event("SUBSCRIBE", "qrscene_1", "T2").dedupeKey(),
                "the ticket and the case of Event do not make a message new");
        assertNotEquals(event("subscribe", "qrscene_1", null).dedupeKey(), event("subscribe", "qrscene_2", null).dedupeKey());
        assertNotEquals(event("subscribe", null, null).dedupeKey(), event("unsubscribe", null, null).dedupeKey());
        PushMessage a = new PushMessage(Map.of("FromUserName", "o1", "CreateTime", "5", "MsgType", "text", "MsgId", "42"));
        PushMessage b = new PushMessage(Map.of("FromUserName", "o2", "CreateTime", "5", "MsgType", "text", "MsgId", "42"));
        assertNotEquals(a.dedupeKey(), b.dedupeKey(), "one MsgId from two senders (WxJava#333) are two messages");
    }

    @Test
    void toStringWhenValuesHoldOpenIdsThenOnlyFieldNames() {
        assertEquals(false, event("subscribe", "qrscene_secret", null).toString().contains("oOPEN"));
    }
}
