package io.wxbind.qr;

import io.wxbind.account.AccountBindingService;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.config.QrConfig;
import io.wxbind.config.WeChatConfig;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What a scan of one of our scenes does: nothing by itself (issue 10). A scene the scanner may
 * act on moves PENDING → SCANNED and the scanner gets a passive reply with a confirm link that
 * works for them only ({@link QrConfirmService} takes it from there). Scans that could never
 * succeed are answered at once: an expired or used code, a login by an unbound WeChat, a bind
 * of a WeChat already bound elsewhere. Runs inside the push's transaction; the scene is locked.
 */
@ApplicationScoped
public class QrScanHandler {

    /** After its confirm link lapses, a scanned scene is kept this long (a confirmed login must still be completed). */
    static final Duration COMPLETE_GRACE = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(QrScanHandler.class.getName());

    @Inject
    QrSceneStore scenes;

    @Inject
    AccountBindingService bindings;

    @Inject
    UnionIdLookup unionIds;

    @Inject
    WeChatConfig config;

    @Inject
    QrConfig settings;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    /**
     * A subscribe/SCAN push named {@code sceneStr}. @return the passive reply for the scanner, or
     * empty when the scene is not one of ours (a portal's own permanent QR, say).
     */
    @Transactional
    public Optional<String> onScan(String appId, String openId, String sceneStr) {
        if (sceneStr == null || !(sceneStr.startsWith(QrBindingService.BIND_PREFIX) || sceneStr.startsWith(QrBindingService.LOGIN_PREFIX))) {
            return Optional.empty();
        }
        QrScene scene = scenes.lockBySceneStr(sceneStr).filter(s -> s.appId().equals(appId)).orElse(null);
        Instant now = clock.instant();
        if (scene != null && scene.isConfirmOpenAt(now)) {
            return Optional.of(rescan(scene, openId, now));
        }
        if (scene == null || scene.status() != QrScene.Status.PENDING || scene.isExpiredAt(now)) {
            return Optional.of("This QR code has expired or was already used. Please refresh the page and scan the new code.");
        }
        if (config.publicBaseUrl() == null) {
            LOG.warning("a QR code was scanned but wechat.public-base-url is not set: no confirm link can be sent");
            scene.complete(QrScene.Status.REFUSED, null, "This site cannot confirm QR codes right now.", now);
            return Optional.of("This QR code cannot be used right now. Please log in another way.");
        }
        return Optional.of(scene.purpose() == QrScene.Purpose.BIND ? bindScan(scene, openId, now) : loginScan(scene, openId, now));
    }

    private String loginScan(QrScene scene, String openId, Instant now) {
        // The openid first; only an unbound one costs a user/info call (a unionid bound via another app).
        Optional<String> account = bindings.accountOf(scene.appId(), openId)
                .or(() -> unionIds.of(scene.appId(), openId).flatMap(bindings::accountOfUnionId));
        if (account.isEmpty()) {
            scene.complete(QrScene.Status.UNBOUND, null, "This WeChat is not bound to an account yet.", now);
            publish(AuditKind.REFUSED, null, scene, openId, "qr_unbound");
            return "This WeChat is not bound to an account yet. Open the site inside WeChat and log in once to bind it, "
                    + "then scan again.";
        }
        publish(AuditKind.SCANNED, account.get(), scene, openId, null);
        return ConfirmTexts.loginReply(issue(scene, openId, now), settings.confirmTtl());
    }

    private String bindScan(QrScene scene, String openId, Instant now) {
        Optional<String> owner = bindings.accountOf(scene.appId(), openId);
        if (owner.isPresent() && !owner.get().equals(scene.accountName())) {
            scene.complete(QrScene.Status.REFUSED, null, "This WeChat account is already bound to another account.", now);
            publish(AuditKind.CONFLICT, scene.accountName(), scene, openId, "openid_bound_elsewhere");
            return "This WeChat account is already bound to another account on this site; nothing was changed.";
        }
        if (owner.isPresent()) {
            scene.complete(QrScene.Status.BOUND, scene.accountName(), "Already bound.", now);
            return "This WeChat is already bound to that account; nothing was changed.";
        }
        publish(AuditKind.SCANNED, scene.accountName(), scene, openId, null);
        return ConfirmTexts.bindReply(issue(scene, openId, now), settings.confirmTtl(), ConfirmTexts.site(config.publicBaseUrl()));
    }

    /** A scene already scanned: its scanner may get a fresh link (the first one lost), anyone else is refused. */
    private String rescan(QrScene scene, String openId, Instant now) {
        if (!SecureTokens.constantTimeEquals(scene.scannerOpenId(), openId)) {
            publish(AuditKind.REFUSED, null, scene, openId, "qr_already_scanned");
            return "Someone else has already scanned this QR code. Please refresh the page and scan the new code.";
        }
        if (scene.isVerified()) {
            return "You have already opened the confirmation for this code: answer on that page.";
        }
        String link = issue(scene, openId, now);
        return scene.purpose() == QrScene.Purpose.LOGIN ? ConfirmTexts.loginReply(link, settings.confirmTtl())
                : ConfirmTexts.bindReply(link, settings.confirmTtl(), ConfirmTexts.site(config.publicBaseUrl()));
    }

    /** A new single-use confirm ticket for the scanner: only its hash is kept; the link is the only copy. */
    private String issue(QrScene scene, String openId, Instant now) {
        String raw = SecureTokens.alphanumeric(43);
        Instant until = now.plus(settings.confirmTtl());
        scene.scanned(openId, SecureTokens.sha256Hex(raw), until, until.plus(COMPLETE_GRACE), now);
        return config.publicBaseUrl() + QrConfirmService.CONFIRM_PATH + "?t=" + raw;
    }

    private void publish(AuditKind kind, String account, QrScene scene, String openId, String reason) {
        audit.fire(AuditEvent.of(kind, account).withWeChat(scene.appId(), LogSafe.shortId(openId))
                .withMethod(QrConfirmService.method(scene)).withReason(reason));
    }
}
