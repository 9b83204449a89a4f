package io.wxbind.admin;

import io.wxbind.rest.ErrorBody;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;

/** The shapes the admin API accepts, and its 400 answer. Nothing typed by a client goes into a query but as a parameter. */
final class AdminInput {

    /** A caller name: 1-128 characters, none a control character. */
    static final Pattern ACCOUNT = Pattern.compile("[^\\p{Cntrl}]{1,128}");
    /** An openid or unionid: WeChat's are 28-29 characters of [A-Za-z0-9_-]; up to the column's 64. */
    static final Pattern WECHAT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** The rule of {@code io.wxbind.config.WeChatApp} for appids. */
    static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_]{1,32}");

    private AdminInput() {
    }

    static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }

    static Response badRequest(String code, String message) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(code, message)).build();
    }

    static Response notFound(String message) {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(new ErrorBody("not_found", message)).build();
    }
}
