package io.wxbind.it;

import static io.wxbind.it.QrBindingIT.control;
import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.loginMethod;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Binding with phone + SMS code instead of a password; the demo's codes land in the simulator's inbox. */
class SmsBindIT {

    private static final String BOB_PHONE = "+8613800000002";

    @Test
    void bindWhenSmsCodeFromInboxThenBoundAndWrongCodeRefusedFirst() {
        SimControl.SimPersonInfo p = sim().newPerson("SMS binder");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String app = stack().appUrl();
        WeChatBrowser.Chain page = b.open(app + "app/");
        String ticket = ticketFromBindPage(page);
        assertTrue(page.last().body().contains("id=\"sms-bind\""), "the bind page offers SMS");

        int before = inbox().size();
        WeChatBrowser.Page sent = b.post(app + "wechat/sms/send", Map.of("ticket", ticket, "phone", "138 0000 0002"));
        assertEquals(200, sent.status(), sent.body());
        assertTrue(sent.body().contains("\"sent\":true"), sent.body());
        String code = newCode(before);

        WeChatBrowser.Page wrong = b.post(app + "wechat/bind", Map.of("ticket", ticket, "phone", BOB_PHONE,
                "smsCode", code.equals("000000") ? "111111" : "000000"));
        assertEquals(401, wrong.status());
        assertTrue(wrong.body().contains("Wrong code. 4 tries left."), wrong.body());
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));

        WeChatBrowser.Chain done = b.follow(b.post(app + "wechat/bind", Map.of("ticket", ticket, "phone", BOB_PHONE, "smsCode", code)));
        assertCaller(done.last(), "bob");
        assertEquals("WECHAT_BIND_SMS", loginMethod(done.last()));
        assertEquals("bob", boundAccount(APP_ID, p.openIdFor(APP_ID)));

        WeChatBrowser.Page again = b.post(app + "wechat/sms/send", Map.of("ticket", ticket, "phone", BOB_PHONE));
        assertEquals(400, again.status(), "the ticket is used up: no SMS relay " + again.body());
    }

    /** The SMS goes out after the answer (same timing for unknown phones): poll the inbox briefly. */
    private static String newCode(int before) {
        List<JsonObject> messages = inbox();
        for (int i = 0; i < 50 && messages.size() <= before; i++) {
            io.wxbind.it.support.CheckLoad.sleep(java.time.Duration.ofMillis(100));
            messages = inbox();
        }
        assertTrue(messages.size() > before, "no new SMS in the simulator inbox: " + messages);
        Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(messages.get(messages.size() - 1).getString("text"));
        assertTrue(m.find(), messages.toString());
        return m.group(1);
    }

    private static List<JsonObject> inbox() {
        return control("GET", "/sms?phone=" + java.net.URLEncoder.encode(BOB_PHONE, java.nio.charset.StandardCharsets.UTF_8), null)
                .getJsonArray("messages").getValuesAs(JsonObject.class);
    }
}
