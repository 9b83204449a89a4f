package io.wxbind.it;

import static io.wxbind.it.QrBindingIT.control;
import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.submitBind;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Message-link binding: the bind menu (or keyword) answers with an opaque one-time link; only
 * the WeChat user it was sent to can bind with it (the "swap the openid" attack is closed).
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class LinkBindingIT {

    private static String askForLink(SimControl.SimPersonInfo person, boolean byKeyword) {
        JsonObject push = byKeyword
                ? Json.createObjectBuilder().add("appid", APP_ID).add("person", person.id()).add("msgType", "text").add("content", "绑定").build()
                : Json.createObjectBuilder().add("appid", APP_ID).add("person", person.id()).add("msgType", "event")
                        .add("event", "CLICK").add("eventKey", "BIND").build();
        JsonObject answer = control("POST", "/push", push);
        String reply = answer.getString("reply", "");
        Matcher m = Pattern.compile("(http\\S+/wechat/link\\?t=[A-Za-z0-9]+)").matcher(reply);
        assertTrue(m.find(), "no bind link in the reply: " + answer);
        assertTrue(!reply.contains(person.openIdFor(APP_ID)), "the openid is not in the link");
        return m.group(1);
    }

    @org.junit.jupiter.api.AfterEach
    void restorePushSettings() {
        control("DELETE", "/apps/" + APP_ID + "/push-settings", null);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"plain", "compatible", "aes"})
    void menuClickWhenOpenedByThatPersonThenBindPageAndBound(String mode) {
        control("PUT", "/apps/" + APP_ID + "/push-settings", Json.createObjectBuilder().add("mode", mode).build());
        SimControl.SimPersonInfo p = sim().newPerson("Link Owner " + mode);
        String link = askForLink(p, false);
        WeChatBrowser b = new WeChatBrowser(p.id());
        WeChatBrowser.Chain chain = b.open(link);
        assertTrue(chain.onlyRedirectsBeforeLast(), chain.toString());
        WeChatBrowser.Chain done = submitBind(b, stack().appUrl(), ticketFromBindPage(chain), "alice", "alice-password");
        assertCaller(done.last(), "alice");
        assertEquals("alice", boundAccount(APP_ID, p.openIdFor(APP_ID)));
        assertProblemPage(new WeChatBrowser(p.id()).open(link).last(), 400, "link_invalid");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void forwardedLinkWhenOpenedBySomeoneElseThenRefusedAndNothingBound() {
        SimControl.SimPersonInfo owner = sim().newPerson("Link Sender");
        SimControl.SimPersonInfo other = sim().newPerson("Link Receiver");
        String link = askForLink(owner, true);
        assertProblemPage(new WeChatBrowser(other.id()).open(link).last(), 403, "link_not_yours");
        assertNull(boundAccount(APP_ID, other.openIdFor(APP_ID)));
        assertNull(boundAccount(APP_ID, owner.openIdFor(APP_ID)));
        assertProblemPage(new WeChatBrowser(owner.id()).open(link).last(), 400, "link_invalid");
    }

    @Test
    void menuClickWhenAlreadyBoundThenToldWhoAndNoLink() {
        SimControl.SimPersonInfo p = bindNewPerson("bob", "bob-password");
        JsonObject answer = control("POST", "/push", Json.createObjectBuilder().add("appid", APP_ID).add("person", p.id())
                .add("msgType", "event").add("event", "CLICK").add("eventKey", "BIND").build());
        assertTrue(answer.getString("reply", "").contains("already bound to account bob"), answer.toString());
    }

    @Test
    void linkWhenForgedOrGarbledThenClearPage() {
        WeChatBrowser b = new WeChatBrowser("nobody");
        assertProblemPage(b.get(stack().appUrl() + "wechat/link?t=" + "A".repeat(43)), 400, "link_invalid");
        assertProblemPage(b.get(stack().appUrl() + "wechat/link?t=%3Cx%3E"), 400, "link_invalid");
        assertProblemPage(b.get(stack().appUrl() + "wechat/link"), 400, "link_invalid");
    }
}
