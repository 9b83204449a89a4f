package io.wxbind.bench.web;

import static io.wxbind.bench.load.Scenario.check;

import io.wxbind.bench.Figure;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P1: WeChat API calls per login, counted by the simulator (every {@code /api/...} path it
 * served, server token calls included) over several logins of each method, one at a time. The
 * counts are exact: a login that makes one more call than it should shows at once.
 */
final class LoginCallsBench {

    private static final Pattern QR_TICKET = Pattern.compile("src=\"[^\"]*showqrcode\\?ticket=([^\"&]+)");
    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"");
    private static final Pattern COMPLETE_URL = Pattern.compile("data-complete-url=\"([^\"]+)\"");
    private static final Pattern CONFIRM_LINK = Pattern.compile("(http\\S+/wechat/qr-confirm\\?t=[A-Za-z0-9]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
    private static final Pattern SCENE_ID = Pattern.compile("name=\"id\" value=\"([A-Za-z0-9]+)\"");
    /** Security notices to an account's other WeChats after a binding: sent off the request thread, not part of a login. */
    private static final String NOTICE_PATH = "/api/cgi-bin/message/custom/send";

    private final SimControl sim;
    private final WebScenarios scenarios;
    private final String appUrl;
    private final String registerAppUrl;
    private final int logins;

    LoginCallsBench(SimControl sim, WebScenarios scenarios, String appUrl, String registerAppUrl, int logins) {
        this.sim = sim;
        this.scenarios = scenarios;
        this.appUrl = appUrl;
        this.registerAppUrl = registerAppUrl;
        this.logins = logins;
    }

    List<Figure> measure(BoundPerson bound) {
        List<Figure> figures = new ArrayList<>();
        figures.add(count("bound user, snsapi_base", 1, () -> {
            scenarios.loginFresh(bound);
            return true;
        }));
        figures.add(count("first login, snsapi_userinfo, register", 2, this::register));
        figures.add(count("first login, bind by password", 1, () -> {
            BenchPeople.bindOne(sim, appUrl, "P1 binder", "bob", "bob-password");
            return true;
        }));
        // qrcode/create, then the phone's confirm link re-checks the openid (sns/oauth2/access_token)
        figures.add(count("QR login on a desktop (scan, confirm on the phone)", 2, () -> qrLogin(bound)));
        // the website app's sns/oauth2/access_token (its token carries the unionid, which finds the account)
        figures.add(count("website QR login on a desktop, bound person (qrconnect, scan, allow)", 1, () -> websiteLogin(bound)));
        // API clients: sns/jscode2session, or the app's sns/oauth2/access_token (its token carries the unionid); nothing more
        ApiLoginCalls api = new ApiLoginCalls(sim, appUrl);
        figures.add(count("mini program, bound person (wx.login code, /session)", 1, () -> api.miniProgram(bound)));
        figures.add(count("mobile app, bound person (SDK code, /app/session)", 1, () -> api.mobileApp(bound)));
        figures.add(count("mini program first login, bind by password (/bind)", 1, api::miniProgramBindByPassword));
        figures.add(count("mobile app first login, register (/register)", 1, api::mobileAppRegister));
        return figures;
    }

    /** Website QR login: the simulator's QR page answered at once for the person (scanned and allowed), then the callback. */
    private boolean websiteLogin(BoundPerson bound) {
        WeChatBrowser desktop = new WeChatBrowser(bound.personId());
        String returnTo = java.net.URI.create(appUrl).getPath() + "app/";
        WeChatBrowser.Page start = desktop.get(appUrl + "wechat/website-login?returnTo=" + java.net.URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
        check(start.status() == 302 && start.location().contains("/open/connect/qrconnect?"), "website login did not start: " + start.status());
        WeChatBrowser.Page answered = desktop.get(start.location(), Map.of("X-WeChat-Sim-Consent", "allow"));
        check(answered.status() == 302, "qrconnect answered " + answered.status());
        WeChatBrowser.Chain in = desktop.open(answered.location());
        return in.last().status() == 200 && in.last().body().contains("id=\"caller\">" + bound.account() + "<");
    }

    /** One warm-up login, then {@code logins} counted ones; each must succeed. */
    private Figure count(String method, int expected, Supplier<Boolean> login) {
        check(login.get(), method + ": warm-up login failed");
        Map<String, Long> before = apiCalls();
        for (int i = 0; i < logins; i++) {
            check(login.get(), method + ": login " + i + " failed");
        }
        Map<String, Long> delta = new TreeMap<>();
        apiCalls().forEach((path, n) -> {
            long d = n - before.getOrDefault(path, 0L);
            if (d != 0) {
                delta.put(path.replace("/api/", ""), d);
            }
        });
        long total = delta.values().stream().mapToLong(Long::longValue).sum();
        double perLogin = (double) total / logins;
        return new Figure("P1", "WeChat API calls per login: " + method, String.format(Locale.ROOT, "%.2f", perLogin),
                "simulator counted " + total + " in " + logins + " logins " + delta, "exact count", "none (a count)",
                "= " + expected, total == (long) expected * logins);
    }

    /** A new person opens the register node's page and allows the consent page. */
    private boolean register() {
        SimControl.SimPersonInfo person = sim.newPerson("P1 newcomer");
        WeChatBrowser browser = new WeChatBrowser(person.id());
        WeChatBrowser.Page consent = browser.open(registerAppUrl + "app/").last();
        Matcher pending = PENDING.matcher(consent.body());
        check(consent.status() == 200 && pending.find(), "no consent page for snsapi_userinfo: " + consent.status());
        WeChatBrowser.Chain done = browser.follow(browser.post(consent.uri().resolve("authorize/reply").toString(),
                Map.of("pending", pending.group(1), "decision", "allow")));
        return done.last().status() == 200 && done.last().body().contains("data-method=\"WECHAT_REGISTER\"");
    }

    /** A desktop browser shows the QR login page, a bound person scans it and confirms on the phone, the desktop completes. */
    private boolean qrLogin(BoundPerson bound) {
        WeChatBrowser desktop = new WeChatBrowser("nobody");
        WeChatBrowser.Page page = desktop.get(appUrl + "wechat/qr-login?returnTo=%2Fwxbind%2Fapp%2F");
        Matcher ticket = QR_TICKET.matcher(page.body());
        Matcher complete = COMPLETE_URL.matcher(page.body());
        check(page.status() == 200 && ticket.find() && complete.find(), "no QR on the QR login page: " + page.status());
        JsonObject scan = sim.scan(URLDecoder.decode(ticket.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8), bound.personId());
        Matcher link = CONFIRM_LINK.matcher(scan.getString("reply", ""));
        check(link.find(), "no confirm link in the scan reply: " + scan);
        WeChatBrowser phone = new WeChatBrowser(bound.personId());
        WeChatBrowser.Page question = phone.open(link.group(1)).last();
        Matcher csrf = CSRF.matcher(question.body());
        Matcher id = SCENE_ID.matcher(question.body());
        check(csrf.find() && id.find(), "no confirm page: " + question.status());
        WeChatBrowser.Page answered = phone.post(question.uri().toString().replaceAll("\\?.*$", ""),
                Map.of("csrf", csrf.group(1), "id", id.group(1), "answer", "confirm"));
        check(answered.body().contains("data-outcome=\"confirmed\""), "not confirmed: " + answered.status());
        WeChatBrowser.Chain done = desktop.open(page.uri().resolve(complete.group(1).replace("&amp;", "&")).toString());
        return done.last().status() == 200 && done.last().body().contains("id=\"caller\">" + bound.account() + "<");
    }

    private Map<String, Long> apiCalls() {
        JsonObject paths = sim.send("GET", "/calls", null).json().getJsonObject("paths");
        Map<String, Long> calls = new TreeMap<>();
        paths.forEach((path, count) -> {
            if (path.startsWith("/api/") && !path.equals(NOTICE_PATH)) {
                calls.put(path, ((JsonNumber) count.asJsonObject().get("total")).longValue());
            }
        });
        return calls;
    }
}
