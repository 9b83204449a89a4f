package io.wxbind.simulator.oauth;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks authorize (§1.1) and qrconnect (§2) parameters the way WeChat's page does, yielding
 * either a request or the page error: 10012 appid empty, 10011 redirect_uri empty, 10010 scope
 * empty, 10016 appid unknown / not usable here, 10005 scope not allowed for this app, 10003
 * redirect_uri not on the app's authorization domain (ports are allowed: the simulator runs on
 * localhost:port), and a state error for more than 128 bytes or characters outside [A-Za-z0-9].
 */
public final class AuthorizeValidation {

    /** Outcome: {@link Valid} or {@link Rejected}. */
    public sealed interface Outcome permits Valid, Rejected {
    }

    public record Valid(AuthorizeRequest request) implements Outcome {
    }

    /** {@code code} is WeChat's number (e.g. "10003") or a word for pages without one. */
    public record Rejected(String code, String message) implements Outcome {
    }

    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9]*");
    private static final int STATE_MAX_BYTES = 128;
    /** The 128-byte rule reportedly does not apply to qrconnect (§2); still keep a sane cap. */
    private static final int QR_STATE_MAX_BYTES = 1024;

    private AuthorizeValidation() {
    }

    public static Outcome oauth2(Map<String, String> params, SimConfig config) {
        Rejected missing = missingParameter(params);
        if (missing != null) {
            return missing;
        }
        SimApp app = config.app(params.get("appid")).orElse(null);
        if (app == null) {
            return unknownApp(params);
        }
        if (app.type() == AppType.WEBSITE || app.type() == AppType.MOBILE) {
            return new Rejected("10016", "不支持该 appid，请使用公众号的 appid (open-platform appid not supported here)");
        }
        String scope = params.get("scope");
        if (app.type() != AppType.OFFICIAL || !Set.of(OAuthScopes.BASE, OAuthScopes.USERINFO).contains(scope)) {
            return new Rejected("10005", "此公众号并没有这些 scope 的权限 (no permission for scope " + scope + ")");
        }
        String state = params.getOrDefault("state", "");
        if (state.getBytes(StandardCharsets.UTF_8).length > STATE_MAX_BYTES) {
            return new Rejected("state", "state 参数过长 (state longer than 128 bytes)");
        }
        if (!STATE.matcher(state).matches()) {
            return new Rejected("state", "state 参数错误 (state may contain only a-z, A-Z, 0-9)");
        }
        return redirect(app, params, scope, state);
    }

    public static Outcome qrConnect(Map<String, String> params, SimConfig config) {
        Rejected missing = missingParameter(params);
        if (missing != null) {
            return missing;
        }
        SimApp app = config.app(params.get("appid")).orElse(null);
        if (app == null) {
            return unknownApp(params);
        }
        String scope = params.get("scope");
        if (app.type() != AppType.WEBSITE || !OAuthScopes.LOGIN.equals(scope)) {
            return new Rejected("10005", "该链接无法访问 (scope must be snsapi_login and appid a website app)");
        }
        String state = params.getOrDefault("state", "");
        if (state.getBytes(StandardCharsets.UTF_8).length > QR_STATE_MAX_BYTES) {
            return new Rejected("state", "state 参数过长 (state longer than 1024 bytes)");
        }
        return redirect(app, params, scope, state);
    }

    /** Checks shared by both pages, in the order WeChat reports them. */
    private static Rejected missingParameter(Map<String, String> params) {
        if (blank(params.get("appid"))) {
            return new Rejected("10012", "appid 参数错误 (appid is empty)");
        }
        if (blank(params.get("redirect_uri"))) {
            return new Rejected("10011", "redirect_uri 参数错误 (redirect_uri is empty)");
        }
        if (blank(params.get("scope"))) {
            return new Rejected("10010", "scope 参数错误 (scope is empty)");
        }
        if (!"code".equals(params.get("response_type"))) {
            return new Rejected("response_type", "response_type 参数错误 (must be code)");
        }
        return null;
    }

    private static Rejected unknownApp(Map<String, String> params) {
        return new Rejected("10016", "不支持该 appid (unknown appid " + params.get("appid") + ")");
    }

    private static Outcome redirect(SimApp app, Map<String, String> params, String scope, String state) {
        String redirectUri = params.get("redirect_uri");
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (Exception e) {
            return new Rejected("10003", "redirect_uri 参数错误 (not a valid URL)");
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null || redirectUri.length() > 2048
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            return new Rejected("10003", "redirect_uri 参数错误 (must be an absolute http(s) URL)");
        }
        if (app.oauthDomain() != null && !app.oauthDomain().equalsIgnoreCase(uri.getHost())) {
            return new Rejected("10003", "redirect_uri 域名与后台配置不一致 (host " + uri.getHost()
                    + " is not the authorization domain " + app.oauthDomain() + ")");
        }
        return new Valid(new AuthorizeRequest(app, redirectUri, scope, state));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
