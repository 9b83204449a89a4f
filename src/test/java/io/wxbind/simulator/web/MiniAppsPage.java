package io.wxbind.simulator.web;

import static io.wxbind.simulator.web.Html.escape;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimDefaults;
import io.wxbind.simulator.people.SimPerson;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The page of {@link MiniAppsResource}: one card per mini program or mobile app with its buttons,
 * and the code just produced. Stable ids for tests: {@code #code}, {@code #login-<appid>},
 * {@code #phone-<appid>}, {@code #open-<appid>} (the demo's mini program as this person). Every value is escaped.
 */
final class MiniAppsPage {

    /** A code the person's client just produced, with what it is for. */
    record Produced(SimApp app, String what, String code) {
    }

    /**
     * Where the demo plays the default mini program for a person (same server, the demo's context
     * root): opening that mini program on the phone opens this page as the person. System property
     * {@code wechat.sim.demo-mini-program-page} moves it; empty hides the link.
     */
    static final String DEMO_PAGE_PROPERTY = "wechat.sim.demo-mini-program-page";
    static final String DEMO_PAGE = "/wxbind/miniprogram.html";

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
                demoPage(app).ifPresent(page -> body.append("<p><a class=\"primary\" id=\"open-").append(escape(app.appId()))
                        .append("\" href=\"").append(escape(page + "?person=" + URLEncoder.encode(person.id(), StandardCharsets.UTF_8)))
                        .append("\">Open the demo's mini program as ").append(escape(person.nickname())).append("</a></p>"));
            }
            body.append("</section>");
        }
        return Html.page(status, base, "小程序 & Apps - " + person.nickname(), body.toString());
    }

    /** The demo page that plays {@code app}, if it is the demo's mini program and the link is not switched off. */
    private static Optional<String> demoPage(SimApp app) {
        String page = System.getProperty(DEMO_PAGE_PROPERTY, DEMO_PAGE);
        return app.appId().equals(SimDefaults.MINIPROGRAM_APP_ID) && !page.isBlank() ? Optional.of(page) : Optional.empty();
    }

    private static String button(String base, SimApp app, String action, String label) {
        return "<form method=\"post\" action=\"" + escape(base) + "phone/apps\" class=\"create\">"
                + Html.hidden("appid", app.appId()) + Html.hidden("action", action)
                + "<button class=\"primary\" id=\"" + escape(action + "-" + app.appId()) + "\">" + escape(label)
                + "</button></form>";
    }
}
