package io.wxbind.simulator.web;

import static io.wxbind.simulator.web.Html.escape;

import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.people.SimPerson;
import jakarta.ws.rs.core.Response;

/**
 * The open.weixin.qq.com pages: the error page (no redirect, no JSON, code visible, protocol
 * §1.1) and the snsapi_userinfo consent page (website QR login: {@link QrConnectPages}). Forms
 * post only a single-use pending id (plus the decision), never the redirect_uri.
 */
public final class OpenPages {

    /** Response header carrying the error code, so tests need not parse the page. */
    public static final String ERROR_HEADER = "X-WeChat-Sim-Error";

    private OpenPages() {
    }

    public static Response error(int status, String basePath, String code, String message) {
        String body = """
                <section class="card error">
                <div class="icon">!</div>
                <h1>Oops! Something went wrong:(</h1>
                <p class="message">%s</p>
                <p class="code">错误码 / error code: <strong id="errcode">%s</strong></p>
                </section>
                """.formatted(escape(message), escape(code));
        return Response.fromResponse(Html.page(status, basePath, "微信 WeChat - " + code, body))
                .header(ERROR_HEADER, code).build();
    }

    /** {@code switchUrl} leads to the chooser and back to the same authorize request. */
    public static Response consent(String basePath, SimApp app, SimPerson person, String headImgUrl,
            String pendingId, String switchUrl) {
        String body = """
                <section class="card">
                <p class="app-name">%s</p>
                <h1>申请获取以下权限</h1>
                <p class="muted">wants to access your public profile (nickname, avatar)</p>
                <div class="person">%s<span class="nickname">%s</span></div>
                <form method="post" action="%sopen/connect/oauth2/authorize/reply">
                %s
                <button id="allow" class="primary" name="decision" value="allow">允许 Allow</button>
                <button id="deny" class="secondary" name="decision" value="deny">拒绝 Deny</button>
                </form>
                <p class="muted small">Not %s? <a id="switch" href="%s">switch person</a></p>
                </section>
                """.formatted(escape(app.name()), Html.avatar(headImgUrl, person.nickname()),
                escape(person.nickname()), escape(basePath), Html.hidden("pending", pendingId),
                escape(person.nickname()), escape(switchUrl));
        return Html.page(200, basePath, "微信授权 - " + app.name(), body);
    }
}
