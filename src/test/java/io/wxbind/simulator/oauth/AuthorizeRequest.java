package io.wxbind.simulator.oauth;

import io.wxbind.simulator.config.SimApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A validated authorize / qrconnect request, and how WeChat redirects back (protocol §1.2):
 * {@code redirect_uri?code=CODE&state=STATE}, joined with {@code &} when redirect_uri already has
 * a query; a refusal carries only {@code state}. {@code state} is "" when the request had none.
 */
public record AuthorizeRequest(SimApp app, String redirectUri, String scope, String state) {

    public String redirectWithCode(String code) {
        return append(redirectUri, "code=" + code + "&state=" + encode(state));
    }

    public String redirectDenied() {
        return append(redirectUri, "state=" + encode(state));
    }

    /** Appends query parameters before any fragment, with '?' or '&' as needed. */
    static String append(String uri, String params) {
        int hash = uri.indexOf('#');
        String base = hash < 0 ? uri : uri.substring(0, hash);
        String fragment = hash < 0 ? "" : uri.substring(hash);
        String separator;
        if (!base.contains("?")) {
            separator = "?";
        } else if (base.endsWith("?") || base.endsWith("&")) {
            separator = "";
        } else {
            separator = "&";
        }
        return base + separator + params + fragment;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
