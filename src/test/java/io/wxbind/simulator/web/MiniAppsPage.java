package io.wxbind.simulator.web;

import static io.wxbind.simulator.web.Html.escape;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.people.SimPerson;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The page of {@link MiniAppsResource}: one card per mini program or mobile app with its buttons,
 * and the code just produced. Stable ids for tests: {@code #code}, {@code #login-<appid>},
 * {@code #phone-<appid>}. Every value is escaped.
 */
final class MiniAppsPage {

    /** A code the person's client just produced, with what it is for. */
    record Produced(SimApp app, String what, String code) {
    }

    private MiniAppsPage() {
    }

    static Response render(int status, String base, SimPerson person, List<SimApp> apps, Produced produced) {
        StringBuilder body = new StringBuilder("<section class=\"card\"><h2>小程序 & Apps</h2><p class=\"muted\">"
                + escape(person.nickname()) + " · <a href=\"" + escape(base) + "phone\">back to the phone</a></p>");
        if (produced != null) {
            body.append("<p class=\"result ok\">").append(escape(produced.app().name())).append(": ")
                    .append(escape(produced.what())).append(" (single use, 5 minutes)<br><code id=\"code\">")
                    .append(escape(produced.code())).append("</code></p>");
        } else if (status != 200) {
            body.append("<p class=\"notice\" id=\"notice\">Unknown app or action.</p>");
        }
        body.append("</section>");
        for (SimApp app : apps) {
            boolean mini = app.type() == AppType.MINIPROGRAM;
            body.append("<section class=\"card\"><h2>").append(escape(app.name())).append("</h2>")
                    .append(button(base, app, "login", mini ? "Open the mini program (wx.login)" : "Sign in with WeChat (app SDK)"));
            if (mini) {
                body.append(button(base, app, "phone", "Share my phone number (getPhoneNumber)"));
            }
            body.append("</section>");
        }
        return Html.page(status, base, "小程序 & Apps - " + person.nickname(), body.toString());
    }

    private static String button(String base, SimApp app, String action, String label) {
        return "<form method=\"post\" action=\"" + escape(base) + "phone/apps\" class=\"create\">"
                + Html.hidden("appid", app.appId()) + Html.hidden("action", action)
                + "<button class=\"primary\" id=\"" + escape(action + "-" + app.appId()) + "\">" + escape(label)
                + "</button></form>";
    }
}
