package io.wxbind.bench.web;

import static io.wxbind.bench.load.Scenario.check;

import io.wxbind.bench.load.BenchBrowser;
import io.wxbind.bench.load.Scenario;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.util.List;

/**
 * The users of the web benchmarks. Each action checks what a person would: the ping answered
 * pong, the login ended on the protected page showing the right caller after redirects only.
 */
public final class WebScenarios {

    static final String PONG = "{\"pong\":true}";
    private static final String PERSON_HEADER = "X-WeChat-Sim-Person";

    private final HttpClient http;
    private final String appUrl;
    private final List<BoundPerson> people;

    /** {@code appUrl} is {@code http://host:port/wxbind/}; user {@code u} is {@code people[u % size]}. */
    public WebScenarios(HttpClient http, String appUrl, List<BoundPerson> people) {
        this.http = http;
        this.appUrl = appUrl;
        this.people = List.copyOf(people);
    }

    /** The open {@code GET /api/ping}, no cookie, no token. */
    public Scenario openPing() {
        return user -> {
            BenchBrowser browser = new BenchBrowser(http);
            return () -> expectPong(browser, appUrl + "api/ping");
        };
    }

    /** A bound user's login from a fresh browser: protected page → authorize → callback → page. */
    public Scenario boundLogin() {
        return user -> {
            BoundPerson person = people.get(user % people.size());
            return () -> login(new BenchBrowser(http), person);
        };
    }

    /** The protected {@code GET /api/ping/user} with the session cookie of one login per user. */
    public Scenario sessionPing() {
        return user -> {
            BenchBrowser browser = new BenchBrowser(http);
            login(browser, people.get(user % people.size()));
            return () -> expectPong(browser, appUrl + "api/ping/user");
        };
    }

    /** The protected {@code GET /api/ping/user} with a bearer token (issued after one login), no cookie. */
    public Scenario bearerPing() {
        return user -> {
            BenchBrowser loggedIn = new BenchBrowser(http);
            login(loggedIn, people.get(user % people.size()));
            BenchBrowser.Hop issued = loggedIn.post(appUrl + "api/wechat/tokens");
            check(issued.status() == 201, "token issue answered " + issued.status() + ": " + issued.body());
            JsonObject json = Json.createReader(new StringReader(issued.body())).readObject();
            BenchBrowser bearer = new BenchBrowser(http).header("Authorization", "Bearer " + json.getString("access_token"));
            return () -> {
                expectPong(bearer, appUrl + "api/ping/user");
                check(!bearer.hasCookie("JSESSIONID"), "a bearer request got a session cookie");
            };
        };
    }

    /** One login of {@code person} from a fresh browser (no cookies yet). */
    void loginFresh(BoundPerson person) {
        login(new BenchBrowser(http), person);
    }

    /** One login through the whole chain, checked hop by hop. */
    void login(BenchBrowser browser, BoundPerson person) {
        browser.header(PERSON_HEADER, person.personId());
        List<BenchBrowser.Hop> hops = browser.open(appUrl + "app/");
        BenchBrowser.Hop last = hops.get(hops.size() - 1);
        check(hops.size() == 4 && hops.subList(0, 3).stream().allMatch(BenchBrowser.Hop::isRedirect),
                "not protected page → authorize → callback → page: " + hops);
        check(last.status() == 200 && last.uri().getPath().endsWith("/app/"), "login ended on " + last);
        check(last.body().contains("id=\"caller\">" + person.account() + "<"), "page does not show caller " + person.account());
    }

    private static void expectPong(BenchBrowser browser, String url) {
        BenchBrowser.Hop hop = browser.get(url);
        check(hop.status() == 200 && PONG.equals(hop.body()), url + " answered " + hop.status() + " " + abbreviated(hop.body()));
    }

    private static String abbreviated(String body) {
        return body.length() > 120 ? body.substring(0, 120) + "…" : body;
    }
}
