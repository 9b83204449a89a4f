package io.wxbind.simulator.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.config.SimConfig;
import io.wxbind.simulator.config.SimDefaults;
import io.wxbind.simulator.config.TokenSettingsPatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerTokenGuardTest {

    private static final String OFFICIAL = SimDefaults.OFFICIAL_APP_ID;
    private static final String MINI = SimDefaults.MINIPROGRAM_APP_ID;
    private static final Set<AppType> OFFICIAL_ONLY = Set.of(AppType.OFFICIAL);

    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    private final SimApps apps = new SimApps(SimConfig.defaults());
    private final TokenLog log = new TokenLog();
    private final ServerTokens tokens = new ServerTokens(clock, log);
    private final StableTokens stable = new StableTokens(clock, tokens, log);
    private final ServerTokenGuard guard = new ServerTokenGuard(tokens, apps);

    private SimApp app(String appId) {
        return apps.app(appId).orElseThrow();
    }

    private int errcode(String token, Set<AppType> kinds) {
        return guard.check(token, kinds, "127.0.0.1").errcode();
    }

    @Test
    void checkWhenTokenMissingUnknownSupersededOrExpiredThenTokenErrcodes() {
        apps.update(MINI, new TokenSettingsPatch(20, 5, null, null));
        String first = tokens.issueClientCredential(app(MINI)).accessToken();
        String second = tokens.issueClientCredential(app(MINI)).accessToken();
        assertEquals(41001, errcode(null, ServerTokenGuard.ANY_TOKEN_HOLDER));
        assertEquals(40014, errcode("../not a token", ServerTokenGuard.ANY_TOKEN_HOLDER));
        assertEquals(0, errcode(first, ServerTokenGuard.ANY_TOKEN_HOLDER), "inside the grace");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(40001, errcode(first, ServerTokenGuard.ANY_TOKEN_HOLDER));
        assertEquals(40001, errcode(first, OFFICIAL_ONLY), "token errors come before the app-kind check");
        clock.advance(Duration.ofSeconds(15));
        assertEquals(42001, errcode(second, ServerTokenGuard.ANY_TOKEN_HOLDER));
    }

    @Test
    void checkWhenForceRefreshedStableTokenThen40001() {
        String old = stable.get(app(OFFICIAL), false).accessToken();
        String fresh = stable.get(app(OFFICIAL), true).accessToken();
        assertEquals(40001, errcode(old, OFFICIAL_ONLY));
        assertSame(AppType.OFFICIAL, guard.check(fresh, OFFICIAL_ONLY, "127.0.0.1").app().type());
    }

    @Test
    void checkWhenApiServesOtherAppKindThen48001() {
        String mini = tokens.issueClientCredential(app(MINI)).accessToken();
        assertEquals(48001, errcode(mini, OFFICIAL_ONLY));
        assertEquals(MINI, guard.check(mini, ServerTokenGuard.ANY_TOKEN_HOLDER, "127.0.0.1").app().appId());
    }

    @Test
    void checkWhenCallerOutsideWhitelistThen40164ForOfficialAccountsOnly() {
        String official = tokens.issueClientCredential(app(OFFICIAL)).accessToken();
        String mini = tokens.issueClientCredential(app(MINI)).accessToken();
        for (String appId : List.of(OFFICIAL, MINI)) {
            apps.update(appId, new TokenSettingsPatch(null, null, null, "127.0.0.2/32"));
        }
        assertEquals(40164, errcode(official, OFFICIAL_ONLY));
        assertEquals(0, errcode(mini, ServerTokenGuard.ANY_TOKEN_HOLDER), "mini programs: AppSecret calls only");
        assertEquals(0, guard.check(official, OFFICIAL_ONLY, "127.0.0.2").errcode());
    }
}
