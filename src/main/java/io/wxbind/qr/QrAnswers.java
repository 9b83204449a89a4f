package io.wxbind.qr;

import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.account.AccountBindingService;
import io.wxbind.account.BindingResult;
import io.wxbind.account.Resolution;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.config.WeChatConfig;
import io.wxbind.wechat.LogSafe;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes the phone's answer once: the scene is locked and checked again (still open, verified,
 * this browser), so of two answers racing, or an answer racing the expiry, exactly one counts.
 */
@ApplicationScoped
public class QrAnswers {

    @Inject
    QrSceneStore scenes;

    @Inject
    AccountBindingService bindings;

    @Inject
    WeChatConfig config;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    /** @param unionId the scanner's unionid when {@code cgi-bin/user/info} gave one, else null */
    @Transactional
    public QrConfirmPage apply(String sceneId, String browserHash, boolean confirmed, String unionId) {
        Optional<QrScene> locked = scenes.lock(sceneId);
        Instant now = clock.instant();
        Optional<LoginProblem> refusal = QrConfirmService.refusal(locked, browserHash, now);
        if (refusal.isPresent()) {
            return new QrConfirmPage.Refused(refusal.get());
        }
        QrScene scene = locked.get();
        WeChatIdentity scanner = new WeChatIdentity(scene.appId(), scene.scannerOpenId(), unionId, null, null);
        if (!confirmed) {
            scene.complete(QrScene.Status.CANCELLED, null, "Cancelled on the phone.", now);
            publish(AuditKind.NOT_ME, scene.purpose() == QrScene.Purpose.BIND ? scene.accountName() : null, scene, null);
            return new QrConfirmPage.Done(200, "cancelled", "Cancelled", "Nothing was changed, and the page that showed the code "
                    + "was told. If someone asked you to scan it, do not trust them.");
        }
        return scene.purpose() == QrScene.Purpose.BIND ? bind(scene, scanner, now) : login(scene, scanner, now);
    }

    private QrConfirmPage login(QrScene scene, WeChatIdentity scanner, Instant now) {
        Resolution resolved = bindings.resolve(scanner);
        if (resolved instanceof Resolution.UnionIdConflict) { // audited by the binding service, for both accounts
            scene.complete(QrScene.Status.REFUSED, null, "This WeChat is bound to two different accounts, so it logs in to neither. "
                    + "Log in another way, or contact support (unionid_conflict).", now);
            return new QrConfirmPage.Refused(FlowProblem.UNIONID_CONFLICT);
        }
        if (!(resolved instanceof Resolution.Bound bound)) {
            scene.complete(QrScene.Status.UNBOUND, null, "This WeChat is not bound to an account yet.", now);
            publish(AuditKind.REFUSED, null, scene, "qr_unbound");
            return new QrConfirmPage.Done(409, "unbound", "This WeChat is not bound to an account",
                    "Nothing was changed. Open the site inside WeChat and log in once to bind it, then scan again.");
        }
        String account = bound.accountName();
        scene.complete(QrScene.Status.CONFIRMED, account, "Confirmed on the phone.", now);
        publish(AuditKind.CONFIRMED, account, scene, null);
        return new QrConfirmPage.Done(200, "confirmed", "Confirmed", "The browser on your computer is being logged in to "
                + ConfirmTexts.site(config.publicBaseUrl()) + " as " + ConfirmTexts.maskAccount(account)
                + ". You can close this page.");
    }

    /** Binds as the web bind does: an openid or a unionid already bound to another account is a conflict. */
    private QrConfirmPage bind(QrScene scene, WeChatIdentity scanner, Instant now) {
        BindingResult result = bindings.bind(scanner, scene.accountName());
        if (result instanceof BindingResult.Conflict) {
            // bind() has audited the conflict (which identifier is someone else's).
            scene.complete(QrScene.Status.REFUSED, null, "This WeChat account is already bound to another account.", now);
            return new QrConfirmPage.Refused(FlowProblem.BINDING_CONFLICT);
        }
        scene.complete(QrScene.Status.BOUND, scene.accountName(), "Bound.", now);
        publish(AuditKind.CONFIRMED, scene.accountName(), scene, null);
        return new QrConfirmPage.Done(200, "bound", "Bound", "This WeChat is now bound to account "
                + ConfirmTexts.maskAccount(scene.accountName()) + " on " + ConfirmTexts.site(config.publicBaseUrl())
                + ". It logs you in there without a password from now on.");
    }

    private void publish(AuditKind kind, String account, QrScene scene, String reason) {
        audit.fire(AuditEvent.of(kind, account).withWeChat(scene.appId(), LogSafe.shortId(scene.scannerOpenId()))
                .withMethod(QrConfirmService.method(scene)).withReason(reason));
    }
}
