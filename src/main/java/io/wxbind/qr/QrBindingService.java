package io.wxbind.qr;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.BindingResult;
import io.wxbind.auth.flow.SecureTokens;
import io.wxbind.auth.flow.WeChatIdentity;
import io.wxbind.config.WeChatConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * QR scenes for binding (a logged-in user) and login (a desktop browser): creation through
 * WeChat, and what a scan does. A scene completes once; the scanner gets a passive reply.
 */
@ApplicationScoped
public class QrBindingService {

    public static final String BIND_PREFIX = "bind:";
    public static final String LOGIN_PREFIX = "login:";
    static final long MIN_TTL_SECONDS = 60;
    static final long MAX_TTL_SECONDS = 2_592_000;

    @Inject
    QrSceneStore scenes;

    @Inject
    QrCodeClient qr;

    @Inject
    AccountBindingService bindings;

    @Inject
    UnionIdLookup unionIds;

    @Inject
    WeChatConfig config;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "wechat.qr.ttl-seconds", defaultValue = "300")
    long ttlSeconds;

    @Inject
    @ConfigProperty(name = "wechat.qr.login-per-ip", defaultValue = "30")
    int loginPerIp;

    private QrLoginThrottle throttle;

    /** A QR that binds whoever scans it to {@code accountName}. */
    public QrScene createBind(String accountName) {
        return create(QrScene.Purpose.BIND, BIND_PREFIX, accountName, null, null);
    }

    /**
     * A QR that logs the browser with {@code browserHash} in as whoever (bound) scans it: the
     * browser's pending one if it still has {@link #reuseMargin} to live (a reload costs WeChat
     * nothing), else a new one unless {@code clientIp} has had its share ({@link QrLoginThrottle}).
     */
    public QrLoginOffer offerLogin(String browserHash, String clientIp) {
        Instant now = clock.instant();
        Optional<QrScene> pending = scenes.pendingLogin(browserHash, now.plus(reuseMargin()));
        if (pending.isPresent()) {
            return new QrLoginOffer.Ready(pending.get());
        }
        Optional<Duration> wait = throttle.check(scenes, clientIp, now);
        if (wait.isPresent()) {
            return new QrLoginOffer.Throttled(wait.get());
        }
        return new QrLoginOffer.Ready(create(QrScene.Purpose.LOGIN, LOGIN_PREFIX, null, browserHash, clientIp));
    }

    /** A code with less left than this (a minute, or a third of a shorter lifetime) is not shown again. */
    Duration reuseMargin() {
        return Duration.ofSeconds(Math.min(60, ttlSeconds / 3));
    }

    /** Settings WeChat or the throttle would refuse at the first QR fail here instead, at deployment ({@link #eager}). */
    @PostConstruct
    void validate() {
        if (ttlSeconds < MIN_TTL_SECONDS || ttlSeconds > MAX_TTL_SECONDS) {
            throw new IllegalStateException("wechat.qr.ttl-seconds must be between " + MIN_TTL_SECONDS + " and " + MAX_TTL_SECONDS
                    + " (WeChat's limit for temporary QR codes), not " + ttlSeconds);
        }
        throttle = new QrLoginThrottle(loginPerIp);
    }

    /** Creates this bean while the application deploys, so that {@link #validate} runs then. */
    void eager(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // the instance is all that was needed
    }

    private QrScene create(QrScene.Purpose purpose, String prefix, String account, String browserHash, String clientIp) {
        String sceneStr = prefix + SecureTokens.alphanumeric(40);
        QrCodeClient.Created created = qr.createTemporary(config.appId(), sceneStr, Duration.ofSeconds(ttlSeconds));
        Instant now = clock.instant();
        QrScene scene = new QrScene(SecureTokens.alphanumeric(32), purpose, config.appId(), sceneStr, created.ticket(), account,
                browserHash, clientIp, now, now.plusSeconds(Math.min(ttlSeconds, created.expireSeconds())));
        scenes.save(scene);
        return scene;
    }

    /**
     * A subscribe/SCAN push named {@code sceneStr}. @return the passive reply for the scanner, or
     * empty when the scene is not one of ours (a portal's own permanent QR, say).
     */
    @Transactional
    public Optional<String> onScan(String appId, String openId, String sceneStr) {
        if (sceneStr == null || !(sceneStr.startsWith(BIND_PREFIX) || sceneStr.startsWith(LOGIN_PREFIX))) {
            return Optional.empty();
        }
        QrScene scene = scenes.lockBySceneStr(sceneStr).filter(s -> s.appId().equals(appId)).orElse(null);
        Instant now = clock.instant();
        if (scene == null || scene.status() != QrScene.Status.PENDING || scene.isExpiredAt(now)) {
            return Optional.of("This QR code has expired or was already used. Please refresh the page and scan the new code.");
        }
        return Optional.of(scene.purpose() == QrScene.Purpose.BIND ? bind(scene, openId, now) : confirmLogin(scene, openId, now));
    }

    private String bind(QrScene scene, String openId, Instant now) {
        BindingResult result = bindings.bind(new WeChatIdentity(scene.appId(), openId, null, null, null), scene.accountName());
        if (result instanceof BindingResult.Conflict) {
            scene.complete(QrScene.Status.REFUSED, null, "This WeChat account is already bound to another account.", now);
            return "This WeChat account is already bound to another account on this site; nothing was changed.";
        }
        scene.complete(QrScene.Status.BOUND, scene.accountName(), "Bound.", now);
        unionIds.attachLater(scene.appId(), openId);
        return "Your WeChat is now bound to account " + scene.accountName() + ".";
    }

    private String confirmLogin(QrScene scene, String openId, Instant now) {
        // The openid first; only an unbound one costs a user/info call (a unionid bound via another app).
        Optional<String> account = bindings.resolve(new WeChatIdentity(scene.appId(), openId, null, null, null))
                .or(() -> unionIds.of(scene.appId(), openId)
                        .flatMap(union -> bindings.resolve(new WeChatIdentity(scene.appId(), openId, union, null, null))));
        if (account.isEmpty()) {
            scene.complete(QrScene.Status.UNBOUND, null, "This WeChat is not bound to an account yet.", now);
            return "This WeChat is not bound to an account yet. Open the site inside WeChat and log in once to bind it, "
                    + "then scan again.";
        }
        scene.complete(QrScene.Status.CONFIRMED, account.get(), "Confirmed.", now);
        return "You are logging in to the site on your computer as " + account.get() + ". If this was not you, change your password.";
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
