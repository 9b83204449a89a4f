package io.wxbind.simulator.web;

import static io.wxbind.simulator.web.Html.escape;

import io.wxbind.simulator.people.SimPerson;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The "choose who you are" page: pick a person, or create one, then continue to WeChat. */
final class ChooserPage {

    private ChooserPage() {
    }

    static Response render(int status, String basePath, String simBaseUri, List<SimPerson> people,
            SimPerson current, String continuePath, String message) {
        String carry = continuePath == null ? "" : Html.hidden("continue", continuePath);
        StringBuilder list = new StringBuilder();
        for (SimPerson p : people) {
            boolean isCurrent = current != null && current.id().equals(p.id());
            list.append("<li><form method=\"post\" action=\"").append(escape(basePath)).append("choose\">")
                    .append(Html.hidden("person", p.id())).append(carry)
                    .append("<button class=\"person-button").append(isCurrent ? " current" : "")
                    .append("\" id=\"choose-").append(escape(p.id())).append("\">")
                    .append(Html.avatar(p.headImgUrl(simBaseUri), p.nickname()))
                    .append("<span class=\"nickname\">").append(escape(p.nickname()))
                    .append(isCurrent ? " <em>(you)</em>" : "").append(p.snapshot() ? " <em>snapshot</em>" : "")
                    .append("</span><span class=\"action\">").append(escape(p.id())).append("</span>")
                    .append("</button></form></li>\n");
        }
        String notice = message == null ? "" : "<p class=\"notice\">" + escape(message) + "</p>";
        String whoNow = current == null ? "No one is chosen in this browser yet."
                : "This browser is " + escape(current.nickname()) + ".";
        String forget = current == null ? "" : "<form method=\"post\" action=\"" + escape(basePath)
                + "choose/forget\"><button class=\"secondary\" id=\"forget\">Forget me</button></form>";
        String body = """
                <section class="card">
                <h1>你是谁？ Who are you?</h1>
                <p class="muted">Pick the WeChat user of this browser. %s%s</p>
                %s
                <ul class="people">
                %s</ul>
                %s
                </section>
                <section class="card">
                <h2>New person</h2>
                <form method="post" action="%schoose/people" class="create">
                <label>Id <input name="id" required pattern="[A-Za-z0-9_-]{1,64}" maxlength="64" placeholder="chen-jie"></label>
                <label>Nickname <input name="nickname" required maxlength="64" placeholder="Chen Jie 陈杰"></label>
                <label class="check"><input type="checkbox" name="snapshot" value="true"> snapshot-mode user</label>
                %s
                <button class="primary" id="create">Create and continue</button>
                </form>
                </section>
                """.formatted(whoNow, continuePath == null ? "" : " Then you go back to WeChat.", notice, list,
                forget, escape(basePath), carry);
        return Html.page(status, basePath, "WeChat simulator - who are you?", body);
    }
}
