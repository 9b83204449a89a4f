package io.wxbind.simulator.token;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimApps;
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
