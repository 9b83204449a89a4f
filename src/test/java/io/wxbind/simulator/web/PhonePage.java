package io.wxbind.simulator.web;

import static io.wxbind.simulator.web.Html.escape;

import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.message.Inbox;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.push.PushLog;
import io.wxbind.simulator.qr.QrCode;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The simulated phone: scan a QR code (ticket, showqrcode URL or the code's URL), chat with an
 * official account (its messages, a text box, the "Bind account" menu button). Element ids are
 * stable for browser tests: {@code #ticket}, {@code #scan}, {@code #result}, {@code #messages},
 * {@code #text}, {@code #send-text}, {@code #menu-bind}, {@code #app}. Every value is escaped; the
 * message list refreshes itself through {@code phone/messages} using {@code textContent} only.
 */
final class PhonePage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** Everything the page shows; {@code app}, {@code code}, {@code last}, {@code notice} may be null. */
    record View(SimPerson person, String headImgUrl, List<SimApp> accounts, SimApp app, String ticketText,
            QrCode code, List<QrCode> recent, PushLog.Entry last, List<Inbox.Received> messages, String notice) {
    }

    private PhonePage() {
    }

    static Response render(int status, String base, View v) {
        String body = """
                <section class="card phone-head">
                <div class="person">%s<span class="nickname" id="me">%s</span></div>
                %s
                <p class="muted"><a id="mini-apps" href="%sphone/apps">小程序 & Apps: open a mini program or an app</a></p>
                </section>
                <section class="card">
                <h2>扫一扫 Scan</h2>
                %s
                <form method="post" action="%sphone/scan" class="create">
                %s
                <label>Ticket or QR content <input id="ticket" name="ticket" value="%s" autocomplete="off"
                 placeholder="ticket, showqrcode URL, http://weixin.qq.com/q/... or a website login code"></label>
                <button class="primary" id="scan">Scan 扫码</button>
                </form>
                %s%s%s
                </section>
                %s
                """.formatted(Html.avatar(v.headImgUrl(), v.person().nickname()), escape(v.person().nickname()),
                accountPicker(base, v), escape(base), qrPreview(base, v), escape(base), appHidden(v), escape(v.ticketText()),
                recent(base, v), result(v.last()), v.notice() == null ? "" : "<p class=\"notice\" id=\"notice\">" + escape(v.notice())
                        + "</p>", chat(base, v));
        return Html.page(status, base, "微信 WeChat - " + v.person().nickname(), body);
    }

    private static String accountPicker(String base, View v) {
        if (v.accounts().isEmpty()) {
            return "<p class=\"muted\">No official accounts are configured.</p>";
        }
        StringBuilder options = new StringBuilder();
        for (SimApp a : v.accounts()) {
            boolean selected = v.app() != null && a.appId().equals(v.app().appId());
            options.append("<option value=\"").append(escape(a.appId())).append('"')
                    .append(selected ? " selected" : "").append('>').append(escape(a.name())).append("</option>");
        }
        return "<form method=\"get\" action=\"" + escape(base) + "phone\" class=\"create\"><label>Official account "
                + "<select id=\"app\" name=\"appid\" onchange=\"this.form.submit()\">" + options
                + "</select></label><noscript><button class=\"secondary\">Open</button></noscript></form>";
    }

    private static String qrPreview(String base, View v) {
        if (v.code() == null) {
            return "";
        }
        String src = base + "mp/cgi-bin/showqrcode?ticket=" + URLEncoder.encode(v.code().ticket(), StandardCharsets.UTF_8);
        return "<img class=\"qr-image\" id=\"qr-image\" src=\"" + escape(src) + "\" alt=\"QR code\">"
                + "<p class=\"muted small\">scene <code>" + escape(v.code().sceneValue()) + "</code></p>";
    }

    /** The account's newest valid codes: a click puts one in the scan field (as if shown on a screen). */
    private static String recent(String base, View v) {
        if (v.recent().isEmpty()) {
            return "";
        }
        StringBuilder list = new StringBuilder("<p class=\"muted small\">Or pick a recent QR code:</p><ul class=\"recent\" id=\"recent-codes\">");
        for (QrCode c : v.recent()) {
            String href = base + "phone?appid=" + URLEncoder.encode(c.appId(), StandardCharsets.UTF_8) + "&ticket="
                    + URLEncoder.encode(c.ticket(), StandardCharsets.UTF_8);
            list.append("<li><a class=\"recent-code\" href=\"").append(escape(href)).append("\">scene <code>")
                    .append(escape(c.sceneValue())).append("</code> · ").append(TIME.format(c.createdAt()))
                    .append("</a></li>");
        }
        return list.append("</ul>").toString();
    }

    private static String result(PushLog.Entry last) {
        if (last == null) {
            return "";
        }
        boolean delivered = last.result().delivered();
        String what = last.message().isEvent() ? last.message().event() : last.message().msgType();
        String detail = delivered ? "delivered" : "failed: " + last.result().failure();
        return "<p class=\"result " + (delivered ? "ok" : "failed") + "\" id=\"result\" data-status=\""
                + (delivered ? "delivered" : "failed") + "\" data-event=\"" + escape(what) + "\">"
                + escape(what) + " → " + escape(detail) + "</p>";
    }

    private static String chat(String base, View v) {
        if (v.app() == null) {
            return "";
        }
        StringBuilder list = new StringBuilder();
        for (Inbox.Received m : v.messages()) {
            list.append("<li class=\"msg ").append(escape(m.kind().key())).append("\" data-kind=\"")
                    .append(escape(m.kind().key())).append("\" data-seq=\"").append(m.seq()).append("\">")
                    .append("<span class=\"text\">").append(linked(m.text())).append("</span><time>")
                    .append(TIME.format(m.at())).append("</time></li>\n");
        }
        return """
                <section class="card chat">
                <h2 id="chat-title">%s</h2>
                <ol id="messages" class="messages" data-src="%s">
                %s</ol>
                <form method="post" action="%sphone/menu" class="menu">%s<input type="hidden" name="key" value="BIND">
                <button class="secondary" id="menu-bind">Bind account 绑定账号</button></form>
                <form method="post" action="%sphone/send" class="compose">%s
                <input id="text" name="content" maxlength="2048" required autocomplete="off" placeholder="Message">
                <button class="primary" id="send-text">Send</button></form>
                </section>
                <script>
                (function () {
                  var list = document.getElementById('messages');
                  function render(messages) {
                    var last = list.lastElementChild;
                    var newest = messages.length ? String(messages[messages.length - 1].seq) : '';
                    if (list.children.length === messages.length && (!last || last.dataset.seq === newest)) return;
                    while (list.firstChild) list.removeChild(list.firstChild);
                    messages.forEach(function (m) {
                      var li = document.createElement('li');
                      li.className = 'msg ' + m.kind;
                      li.dataset.kind = m.kind;
                      li.dataset.seq = String(m.seq);
                      var text = document.createElement('span');
                      text.className = 'text';
                      m.text.split(/(https?:\\/\\/[^\\s<>"']+)/).forEach(function (part, i) {
                        if (i %% 2 === 1) {
                          var a = document.createElement('a');
                          a.href = part;
                          a.className = 'msg-link';
                          a.textContent = part;
                          text.appendChild(a);
                        } else if (part) {
                          text.appendChild(document.createTextNode(part));
                        }
                      });
                      var time = document.createElement('time');
                      time.textContent = m.clock;
                      li.appendChild(text);
                      li.appendChild(time);
                      list.appendChild(li);
                    });
                  }
                  setInterval(function () {
                    fetch(list.dataset.src, {credentials: 'same-origin', cache: 'no-store'})
                      .then(function (r) { return r.ok ? r.json() : null; })
                      .then(function (body) { if (body) render(body.messages); })
                      .catch(function () {});
                  }, 2000);
                })();
                </script>
                """.formatted(escape(v.app().name()),
                escape(base + "phone/messages?appid=" + URLEncoder.encode(v.app().appId(), StandardCharsets.UTF_8)),
                list, escape(base), appHidden(v), escape(base), appHidden(v));
    }

    private static String appHidden(View v) {
        return v.app() == null ? "" : Html.hidden("appid", v.app().appId());
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://[^\\s<>\"']+");

    /** The text escaped, its http(s) links clickable (a WeChat chat opens them in its browser). */
    static String linked(String text) {
        java.util.regex.Matcher m = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start()))).append("<a class=\"msg-link\" href=\"")
                    .append(escape(m.group())).append("\">").append(escape(m.group())).append("</a>");
            last = m.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    static String clock(Inbox.Received m) {
        return TIME.format(m.at());
    }
}
