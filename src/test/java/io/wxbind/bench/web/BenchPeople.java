package io.wxbind.bench.web;

import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bound users of the load: simulated WeChat people, each bound through the real first-login
 * flow (protected page → bind page → password), alternately to the demo accounts alice and bob.
 */
final class BenchPeople {

    private static final Pattern TICKET = Pattern.compile("name=\"ticket\" value=\"([A-Za-z0-9]+)\"");

    private BenchPeople() {
    }

    static List<BoundPerson> bind(SimControl sim, String appUrl, int count) {
        List<BoundPerson> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String account = i % 2 == 0 ? "alice" : "bob";
            people.add(bindOne(sim, appUrl, "Bench " + i, account, account + "-password"));
        }
        return people;
    }

    /** A new person bound to {@code account}; throws when any step is not what a person would see. */
    static BoundPerson bindOne(SimControl sim, String appUrl, String nickname, String account, String password) {
        SimControl.SimPersonInfo person = sim.newPerson(nickname);
        WeChatBrowser browser = new WeChatBrowser(person.id());
        WeChatBrowser.Chain toBindPage = browser.open(appUrl + "app/");
        Matcher ticket = TICKET.matcher(toBindPage.last().body());
        if (toBindPage.last().status() != 200 || !ticket.find()) {
            throw new IllegalStateException("no bind form for an unbound person: " + toBindPage);
        }
        WeChatBrowser.Chain done = browser.follow(browser.post(appUrl + "wechat/bind",
                Map.of("ticket", ticket.group(1), "username", account, "password", password)));
        if (done.last().status() != 200 || !done.last().body().contains("id=\"caller\">" + account + "<")) {
            throw new IllegalStateException("binding " + nickname + " to " + account + " did not log in: " + done);
        }
        return new BoundPerson(person.id(), account);
    }
}
