package io.wxbind.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Website QR login over HTTP: the desktop starts at {@code /wechat/website-login}, WeChat's
 * qrconnect page shows a code, the phone scans and answers through the simulator's control call,
 * and the page's poll hands back WeChat's redirect to the callback.
 */
public final class WebsiteQr {

    public static final String START = "wechat/website-login";
    private static final Pattern UUID = Pattern.compile("data-uuid=\"([A-Za-z0-9]+)\"");
    private static final Pattern POLL = Pattern.compile("data-poll-url=\"([^\"]+)\"");

    private WebsiteQr() {
    }

    /** Step 1: the app's redirect to qrconnect (asserted). */
    public static String qrConnectUrl(WeChatBrowser desktop, String app, String returnTo) {
        WeChatBrowser.Page start = desktop.get(app + START + "?returnTo=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
        assertEquals(302, start.status(), start.body());
        assertTrue(start.location().contains("/wechat-sim/open/connect/qrconnect?appid=" + io.wxbind.launch.WxBindStack.WEBSITE_APP_ID), start.location());
        assertTrue(start.location().contains("&scope=snsapi_login&"), start.location());
        return start.location();
    }

    /**
     * The whole desktop side as a person does it: the QR page, {@code person} scans and answers
     * {@code decision} (allow / deny) on the phone, the page's poll; answers WeChat's redirect to the callback.
     */
    public static String scanAndAnswer(WeChatBrowser desktop, String qrConnectUrl, String person, String decision) {
        WeChatBrowser.Page page = desktop.get(qrConnectUrl);
        assertEquals(200, page.status(), page.body());
        String uuid = group(UUID, page.body());
        SimControl.Answer answer = ItSupport.sim().send("POST", "/qrconnect", Json.createObjectBuilder().add("uuid", uuid)
                .add("person", person).add("decision", decision).build().toString());
        assertEquals(200, answer.status(), answer.body());
        WeChatBrowser.Page poll = desktop.get(page.uri().resolve(group(POLL, page.body()).replace("&amp;", "&")).toString());
        assertEquals(200, poll.status(), poll.body());
        String redirect = Json.createReader(new java.io.StringReader(poll.body())).readObject().getString("redirect");
        assertTrue(redirect.contains("/wechat/callback?"), redirect);
        return redirect;
    }

    /** The short way for tests about the callback: the simulator answers qrconnect at once (test headers). */
    public static String callbackUrl(WeChatBrowser desktop, String qrConnectUrl, String consent) {
        WeChatBrowser.Page answered = desktop.get(qrConnectUrl, Map.of("X-WeChat-Sim-Consent", consent));
        assertEquals(302, answered.status(), answered.body());
        return answered.location();
    }

    private static String group(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertTrue(m.find(), p + " not in " + html);
        return m.group(1);
    }
}
