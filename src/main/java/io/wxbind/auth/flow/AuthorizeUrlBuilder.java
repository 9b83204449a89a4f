package io.wxbind.auth.flow;

import io.wxbind.wechat.WeChatParams;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the §1.1 authorize URL (and the §2 qrconnect URL). WeChat demands this exact parameter order, the redirect_uri
 * encoded as one component (encodeURIComponent), and the {@code #wechat_redirect} fragment.
 * {@code connect_redirect=1} (what WxJava sends) keeps WeChat from hitting the callback twice,
 * which would otherwise cost a 40163 on the second exchange (§12).
 */
public final class AuthorizeUrlBuilder {

    private AuthorizeUrlBuilder() {
    }

    public static String build(URI openBaseUrl, String appId, String redirectUri, String scope, String state) {
        return openBaseUrl + "/connect/oauth2/authorize"
                + "?" + WeChatParams.APPID + "=" + encodeComponent(appId)
                + "&" + WeChatParams.REDIRECT_URI + "=" + encodeComponent(redirectUri)
                + "&" + WeChatParams.RESPONSE_TYPE + "=code"
                + "&" + WeChatParams.SCOPE + "=" + encodeComponent(scope)
                + "&" + WeChatParams.STATE + "=" + encodeComponent(state)
                + "&connect_redirect=1"
                + "#wechat_redirect";
    }

    /**
     * The §2 website QR login URL ({@code connect/qrconnect}, scope {@code snsapi_login}), for a
     * desktop browser: same parameters and fragment, no {@code connect_redirect}.
     */
    public static String qrConnect(URI openBaseUrl, String appId, String redirectUri, String state) {
        return openBaseUrl + "/connect/qrconnect"
                + "?" + WeChatParams.APPID + "=" + encodeComponent(appId)
                + "&" + WeChatParams.REDIRECT_URI + "=" + encodeComponent(redirectUri)
                + "&" + WeChatParams.RESPONSE_TYPE + "=code"
                + "&" + WeChatParams.SCOPE + "=snsapi_login"
                + "&" + WeChatParams.STATE + "=" + encodeComponent(state)
                + "#wechat_redirect";
    }

    /** JavaScript's encodeURIComponent: like URLEncoder but space is %20 and {@code !'()*~} stay. */
    static String encodeComponent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%21", "!")
                .replace("%27", "'")
                .replace("%28", "(")
                .replace("%29", ")")
                .replace("%7E", "~");
    }
}
