package io.wxbind.simulator.token;

import io.wxbind.simulator.web.WeChatErrors;
import io.wxbind.simulator.web.WeChatResponses;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;

/** Answers shared by the cgi-bin resources: a token answer, and errcodes with 40164's own text. */
final class CgiBinResponses {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private CgiBinResponses() {
    }

    static Response issued(ServerTokens.Issued issued) {
        if (!issued.ok()) {
            return WeChatResponses.error(issued.errcode());
        }
        return WeChatResponses.json(JSON.createObjectBuilder()
                .add("access_token", issued.accessToken()).add("expires_in", issued.expiresIn()).build());
    }

    /** 40164 names the caller's address (protocol §4.3); other codes use the standard text. */
    static Response error(int errcode, String remoteAddress) {
        return errcode == 40164
                ? WeChatResponses.error(200, 40164, WeChatErrors.ipNotInWhitelist(remoteAddress))
                : WeChatResponses.error(errcode);
    }
}
