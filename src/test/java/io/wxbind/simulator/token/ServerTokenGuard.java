package io.wxbind.simulator.token;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.web.WeChatErrors;
import io.wxbind.simulator.web.WeChatResponses;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * The checks every token-protected cgi-bin API makes, in WeChat's order (protocol §4.3), so they
 * cannot drift apart between endpoints: the token itself (41001 missing, 40014 unknown or
 * malformed, 40001 superseded past its grace or invalidated by force_refresh, 42001 expired), the
 * kinds of app the API serves (48001), then the API IP whitelist (40164), which covers
 * token-bearing calls only for official accounts; for mini programs it guards AppSecret calls only.
 */
public final class ServerTokenGuard {

    /** The caller's app, or the errcode to answer. */
    public record Access(SimApp app, int errcode) {
        public boolean ok() {
            return errcode == 0;
        }
    }

    /** Every app kind that can hold a server token. */
    public static final Set<AppType> ANY_TOKEN_HOLDER = Set.of(AppType.OFFICIAL, AppType.MINIPROGRAM);

    private final ServerTokens tokens;
    private final SimApps apps;

    public ServerTokenGuard(ServerTokens tokens, SimApps apps) {
        this.tokens = tokens;
        this.apps = apps;
    }

    /** WeChat's answer to a refused access: 40164 names the caller's address, as WeChat does. */
    public static Response refusal(Access access, String remoteAddress) {
        return access.errcode() == 40164
                ? WeChatResponses.error(200, 40164, WeChatErrors.ipNotInWhitelist(remoteAddress))
                : WeChatResponses.error(access.errcode());
    }

    public Access check(String accessToken, Set<AppType> servedKinds, String remoteAddress) {
        ServerTokens.Check check = tokens.validate(accessToken);
        if (!check.ok()) {
            return new Access(null, check.errcode());
        }
        SimApp app = apps.app(check.appId()).orElse(null);
        if (app == null) {
            return new Access(null, 40014);
        }
        if (!servedKinds.contains(app.type())) {
            return new Access(null, 48001);
        }
        if (app.type() == AppType.OFFICIAL && !app.ipAllowList().allows(remoteAddress)) {
            return new Access(null, 40164);
        }
        return new Access(app, 0);
    }
}
