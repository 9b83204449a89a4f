package io.wxbind.qr;

import io.wxbind.config.QrConfig;
import io.wxbind.config.WeChatConfig;
import io.wxbind.util.SecureTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * QR scenes for binding (a logged-in user) and login (a desktop browser): creation through
 * WeChat, within the caps, and the desktop's final step of a confirmed login. What a scan does
 * is {@link QrScanHandler}'s, what the phone answers {@link QrConfirmService}'s.
 */
@ApplicationScoped
public class QrBindingService {

    public static final String BIND_PREFIX = "bind:";
    public static final String LOGIN_PREFIX = "login:";

    @Inject
    QrSceneStore scenes;

    @Inject
    QrCodeClient qr;

    @Inject
    WeChatConfig config;

    @Inject
    Clock clock;

    @Inject
    QrConfig settings;

    private QrCreationCap loginCap;
    private QrCreationCap bindCap;

    /**
     * A QR whose scanner may bind their WeChat to {@code accountName} once they confirm on the
     * phone, unless the account has had its share of new codes ({@link QrCreationCap}).
     */
    public QrOffer createBind(String accountName) {
        Instant now = clock.instant();
        Optional<Duration> wait = bindCap.check(scenes.bindsBy(accountName, now.minus(QrCreationCap.WINDOW), bindCap.max()), now);
        if (wait.isPresent()) {
            return new QrOffer.Throttled(wait.get());
        }
        return new QrOffer.Ready(create(QrScene.Purpose.BIND, BIND_PREFIX, accountName, null, null));
    }

    /**
     * A QR that logs the browser with {@code browserHash} in as whoever (bound) scans it and then
     * confirms: the browser's pending one if it still has {@link #reuseMargin} to live (a reload
     * costs WeChat nothing), else a new one unless the client has had its share ({@link QrCreationCap}).
     * The phone is shown {@code desktop}'s browser summary and masked address before it confirms.
     */
    public QrOffer offerLogin(String browserHash, Desktop desktop) {
        Instant now = clock.instant();
        Optional<QrScene> pending = scenes.pendingLogin(browserHash, now.plus(reuseMargin()));
        if (pending.isPresent()) {
            return new QrOffer.Ready(pending.get());
        }
        Optional<Duration> wait = loginCap.check(scenes.loginsFrom(desktop.throttleKey(), now.minus(QrCreationCap.WINDOW),
                loginCap.max()), now);
        if (wait.isPresent()) {
            return new QrOffer.Throttled(wait.get());
        }
        QrScene scene = create(QrScene.Purpose.LOGIN, LOGIN_PREFIX, null, browserHash, desktop.throttleKey(), desktop);
        return new QrOffer.Ready(scene);
    }

    /**
     * The browser asking for a login code, as the phone will be told of it.
     *
     * @param throttleKey   what the per-client cap counts by ({@code ClientAddress.throttleKey()})
     * @param userAgent     a summary such as "Chrome on Windows" ({@code io.wxbind.client.UserAgentSummary})
     * @param maskedAddress e.g. "1.2.3.x" ({@code ClientAddress.masked()})
     */
    public record Desktop(String throttleKey, String userAgent, String maskedAddress) {
    }

    /** How recent a login must be to create a bind QR ({@link FreshLogin}). */
    public Duration freshLoginWindow() {
        return settings.freshLoginWindow();
    }

    /** A code with less left than this (a minute, or a third of a shorter lifetime) is not shown again. */
    Duration reuseMargin() {
        return Duration.ofSeconds(Math.min(60, settings.ttl().toSeconds() / 3));
    }

    /** The caps, from settings validated at deployment ({@code io.wxbind.config.QrConfig}). */
    @PostConstruct
    void caps() {
        loginCap = new QrCreationCap("wechat.qr.login-per-ip", settings.loginPerIp());
        bindCap = new QrCreationCap("wechat.qr.bind-per-account", settings.bindPerAccount());
    }

    private QrScene create(QrScene.Purpose purpose, String prefix, String account, String browserHash, String clientIp) {
        return create(purpose, prefix, account, browserHash, clientIp, null);
    }

    private QrScene create(QrScene.Purpose purpose, String prefix, String account, String browserHash, String clientIp,
            Desktop desktop) {
        String sceneStr = prefix + SecureTokens.alphanumeric(40);
        QrCodeClient.Created created = qr.createTemporary(config.appId(), sceneStr, settings.ttl());
        Instant now = clock.instant();
        QrScene scene = new QrScene(SecureTokens.alphanumeric(32), purpose, config.appId(), sceneStr, created.ticket(), account,
                browserHash, clientIp, now, now.plusSeconds(Math.min(settings.ttl().toSeconds(), created.expireSeconds())));
        if (desktop != null) {
            scene.describeDesktop(desktop.userAgent(), desktop.maskedAddress());
        }
        scenes.save(scene);
        return scene;
    }

    /** Turns a confirmed login scene into a login, once, for the browser that asked. */
    @Transactional
    public Optional<String> consumeLogin(String id, String browserHash) {
        Optional<QrScene> scene = scenes.lock(id);
        if (scene.isEmpty() || scene.get().purpose() != QrScene.Purpose.LOGIN || scene.get().status() != QrScene.Status.CONFIRMED
                || !SecureTokens.constantTimeEquals(scene.get().browserHash(), browserHash)
                || scene.get().isExpiredAt(clock.instant())) {
            return Optional.empty();
        }
        scene.get().complete(QrScene.Status.USED, scene.get().resultAccount(), "Logged in.", clock.instant());
        return Optional.of(scene.get().resultAccount());
    }
}
