package io.wxbind.simulator.web;

import static io.wxbind.simulator.web.Html.escape;

import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.people.SimPerson;
import jakarta.ws.rs.core.Response;

/**
 * Website QR login's two screens (protocol §2): the desktop page (a real QR code of the phone's
 * confirm URL, polling until the phone answered, then following WeChat's redirect) and the
 * phone's confirmation screen (允许 allow / 拒绝 deny). Stable ids for browser tests:
 * {@code #qrconnect-image}, {@code #qrconnect-status} (its {@code data-status}: waiting, scanned,
 * confirmed, denied, expired), {@code #allow}, {@code #deny}, {@code #confirm-result}.
 */
public final class QrConnectPages {

    private QrConnectPages() {
    }

    /** {@code phoneUrl} opens the simulator's phone with the QR content filled in (a shortcut for people). */
    public static Response desktop(String basePath, SimApp app, String uuid, String imageUrl, String pollUrl, String phoneUrl) {
        String body = """
                <section class="card qrconnect" id="qrconnect" data-uuid="%s" data-poll-url="%s">
                <h1>微信登录</h1>
                <p class="app-name">%s</p>
                <img class="qr-image" id="qrconnect-image" src="%s" width="280" height="280" alt="QR code">
                <p id="qrconnect-status" data-status="waiting" role="status">请使用微信扫描二维码登录 · Scan with WeChat on your phone</p>
                <p class="muted small">Simulator: <a id="open-phone" href="%s" target="_blank" rel="noopener">open the simulated phone</a>
                and scan this code there.</p>
                </section>
                <script>
                (function () {
                  var card = document.getElementById('qrconnect');
                  var status = document.getElementById('qrconnect-status');
                  var texts = {scanned: '扫描成功，请在微信中点击确认即可登录 · Scanned: confirm on your phone',
                    expired: '二维码已失效，请刷新页面 · This QR code expired: reload the page',
                    confirmed: '登录中… · Logging in…', denied: '你已取消此次登录 · You cancelled this login'};
                  function show(s) {
                    if (status.dataset.status === s) return;
                    status.dataset.status = s;
                    if (texts[s]) status.textContent = texts[s];
                  }
                  function poll() {
                    fetch(card.dataset.pollUrl, {cache: 'no-store'})
                      .then(function (r) { return r.json(); })
                      .then(function (b) {
                        show(b.status);
                        if (b.redirect) { window.location.href = b.redirect; return; }
                        if (b.status !== 'expired') setTimeout(poll, 1000);
                      })
                      .catch(function () { setTimeout(poll, 2000); });
                  }
                  setTimeout(poll, 1000);
                })();
                </script>
                """.formatted(escape(uuid), escape(pollUrl), escape(app.name()), escape(imageUrl), escape(phoneUrl));
        return Html.page(200, basePath, "微信登录 - " + app.name(), body);
    }

    /** The phone after a scan: who logs in where, and the two buttons. */
    public static Response confirm(String basePath, SimApp app, SimPerson person, String headImgUrl, String uuid) {
        String body = """
                <section class="card" id="confirm-login">
                <p class="app-name">%s</p>
                <h1>登录确认</h1>
                <p class="muted">%s wants you to log in on a computer with your WeChat</p>
                <div class="person">%s<span class="nickname" id="me">%s</span></div>
                <form method="post" action="%sopen/connect/confirm/reply">
                %s
                <button id="allow" class="primary" name="decision" value="allow">允许 / 登录 Allow</button>
                <button id="deny" class="secondary" name="decision" value="deny">取消登录 Deny</button>
                </form>
                </section>
                """.formatted(escape(app.name()), escape(app.name()), Html.avatar(headImgUrl, person.nickname()),
                escape(person.nickname()), escape(basePath), Html.hidden("uuid", uuid));
        return Html.page(200, basePath, "微信登录确认 - " + app.name(), body);
    }

    /** The phone after its answer: {@code outcome} allowed or denied. */
    public static Response done(String basePath, SimApp app, String outcome) {
        String text = "allowed".equals(outcome) ? "已确认登录 · Confirmed: continue on your computer"
                : "已取消登录 · Login cancelled";
        String body = """
                <section class="card">
                <p class="app-name">%s</p>
                <p class="result ok" id="confirm-result" data-outcome="%s">%s</p>
                </section>
                """.formatted(escape(app.name()), escape(outcome), escape(text));
        return Html.page(200, basePath, "微信登录 - " + app.name(), body);
    }
}
