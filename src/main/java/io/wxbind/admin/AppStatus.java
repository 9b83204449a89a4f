package io.wxbind.admin;

import io.wxbind.config.PushConfig;
import io.wxbind.config.ServerTokenConfig;
import io.wxbind.config.WeChatApp;
import io.wxbind.push.WeChatPushServlet;
import io.wxbind.qr.QrDailyCount;
import io.wxbind.token.AccessTokenStore;
import io.wxbind.token.TokenState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One app as the administrators see it: its type, whether WxBind keeps its server token and
 * how that stands (obtained, expires, refreshes, the last failure; never the token), its push
 * settings (mode and path; never the Token or the EncodingAESKey), and the QR codes created
 * today (a Beijing day) against WeChat's daily {@code qrcode/create} quota.
 */
@ApplicationScoped
public class AppStatus {

    /** Protocol §5: temporary QR codes an official account may create a day. */
    static final long QR_DAILY_QUOTA = 100_000;
    /** A failure text from an exception could carry a URL: any secret-looking parameter is cut out. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)(secret|access_token|token|code)=[^&\\s]*");

    @Inject
    ServerTokenConfig tokens;

    @Inject
    PushConfig push;

    @Inject
    AccessTokenStore tokenRows;

    @Inject
    QrDailyCount qr;

    @Inject
    Clock clock;

    JsonObjectBuilder of(WeChatApp app) {
        Instant now = clock.instant();
        JsonObjectBuilder o = AdminViews.JSON.createObjectBuilder().add("appId", app.appId()).add("type", app.type().configName());
        AdminViews.text(o, "openPlatform", app.openPlatform());
        o.add("serverToken", serverToken(app.appId(), now));
        o.add("push", push(app.appId()));
        LocalDate today = QrDailyCount.dayOf(now);
        o.add("qr", AdminViews.JSON.createObjectBuilder().add("day", today.toString()).add("createdToday", qr.on(app.appId(), today))
                .add("dailyQuota", QR_DAILY_QUOTA));
        return o;
    }

    private JsonObjectBuilder serverToken(String appId, Instant now) {
        ServerTokenConfig.App kept = tokens.apps().get(appId);
        JsonObjectBuilder o = AdminViews.JSON.createObjectBuilder().add("kept", tokens.enabled() && kept != null);
        AdminViews.text(o, "endpoint", kept == null ? null : kept.endpoint().name().toLowerCase(java.util.Locale.ROOT));
        Optional<TokenState> state = kept == null ? Optional.empty() : tokenRows.read(appId);
        o.add("obtained", state.map(s -> s.accessToken() != null).orElse(false));
        o.add("usable", state.map(s -> s.usableAt(now)).orElse(false));
        AdminViews.time(o, "obtainedAt", state.map(TokenState::refreshedAt).orElse(null));
        AdminViews.time(o, "expiresAt", state.map(TokenState::expiresAt).orElse(null));
        Instant expires = state.map(TokenState::expiresAt).orElse(null);
        if (expires == null) {
            o.addNull("expiresInSeconds");
        } else {
            o.add("expiresInSeconds", Math.max(0, Duration.between(now, expires).toSeconds()));
        }
        AdminViews.text(o, "refreshedBy", state.map(TokenState::refreshedBy).orElse(null));
        o.add("refreshCount", state.map(TokenState::refreshCount).orElse(0L));
        AdminViews.text(o, "lastError", state.map(TokenState::lastError).map(AppStatus::withoutSecrets).orElse(null));
        AdminViews.time(o, "lastErrorAt", state.map(TokenState::lastErrorAt).orElse(null));
        o.add("consecutiveFailures", state.map(TokenState::consecutiveFailures).orElse(0));
        return o;
    }

    private JsonObjectBuilder push(String appId) {
        Optional<PushConfig.App> app = push.app(appId);
        JsonObjectBuilder o = AdminViews.JSON.createObjectBuilder().add("configured", app.isPresent());
        AdminViews.text(o, "mode", app.map(a -> a.mode().name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
        o.add("acceptsPlain", app.map(PushConfig.App::acceptsPlain).orElse(false));
        o.add("acceptsEncrypted", app.map(PushConfig.App::acceptsEncrypted).orElse(false));
        AdminViews.text(o, "path", app.isPresent() ? WeChatPushServlet.PATH + "/" + appId : null);
        return o;
    }

    static String withoutSecrets(String text) {
        return SECRET_PARAMETER.matcher(text).replaceAll("$1=***");
    }
}
