package io.wxbind.qr;

import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.account.AccountBindingService;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
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
import java.util.Objects;
import java.util.Optional;

/**
 * The phone side of a scanned QR (issue 10), after {@link QrScanHandler} sent the confirm link:
 *
 * <pre>
 *  1. GET /wechat/qr-confirm?t=T      ticket valid? → silent snsapi_base, T's hash kept with the state
 *  2. callback: {@link #verify}        the openid WeChat vouched for must be the scanner's; T is spent and
 *                                      the scene bound to this phone's browser → 302 {@link #ANSWER_PATH}
 *  3. GET  answer?id: {@link #page}    the question (which browser, which account), Confirm / Not me
 *  4. POST answer: {@link #answer}     form token + same browser; taken once under the row lock:
 *                                      login → CONFIRMED (the desktop completes), bind → bound (unionid checked),
 *                                      Not me → CANCELLED (the desktop page is told)
 * </pre>
 */
@ApplicationScoped
public class QrConfirmService {

    public static final String CONFIRM_PATH = "/wechat/qr-confirm";
    public static final String ANSWER_PATH = "/wechat/qr-confirm/answer";

    /** What step 2 found. */
    public sealed interface Verification {
        /** The answer page of this scene is now this browser's. */
        record Verified(String sceneId) implements Verification {
        }

        /** Another WeChat user opened the link (a forwarded message): nothing changed. */
        record NotYours() implements Verification {
        }

        /** Unknown, spent or expired ticket. */
        record Invalid() implements Verification {
        }
    }

    @Inject
    QrSceneStore scenes;

    @Inject
    QrAnswers answers;

    @Inject
    AccountBindingService bindings;

    @Inject
    UnionIdLookup unionIds;

    @Inject
    WeChatConfig config;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    /** Step 1: whether a raw ticket from a link is still usable (does not spend it). */
    public boolean isValidTicket(String raw) {
        return SecureTokens.looksLikeToken(raw)
                && scenes.byConfirmHash(SecureTokens.sha256Hex(raw)).filter(s -> s.isConfirmOpenAt(clock.instant())).isPresent();
    }

    /** Step 2, for the ticket with {@code ticketHash}: WeChat says {@code openId} of {@code appId} opened the link in {@code browserHash}. */
    @Transactional
    public Verification verify(String ticketHash, String appId, String openId, String browserHash) {
        Optional<QrScene> found = ticketHash == null ? Optional.empty() : scenes.lockByConfirmHash(ticketHash);
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().isConfirmOpenAt(now)) {
            return new Verification.Invalid();
        }
        QrScene scene = found.get();
        if (!scene.appId().equals(appId) || !SecureTokens.constantTimeEquals(scene.scannerOpenId(), openId)) {
            // Not spent: the person it was sent to can still use it.
            audit.fire(AuditEvent.of(AuditKind.REFUSED, null).withWeChat(appId, LogSafe.shortId(openId))
                    .withMethod(method(scene)).withReason("qr_confirm_not_yours"));
            return new Verification.NotYours();
        }
        scene.verified(browserHash, now);
        return new Verification.Verified(scene.id());
    }

    /** Step 3: the question for the browser that verified, or why there is none. */
    public QrConfirmPage page(String sceneId, String browserHash) {
        Optional<QrScene> scene = scenes.find(sceneId);
        Instant now = clock.instant();
        Optional<LoginProblem> refusal = refusal(scene, browserHash, now);
        if (refusal.isPresent()) {
            return new QrConfirmPage.Refused(refusal.get());
        }
        return new QrConfirmPage.Ask(question(scene.get(), now));
    }

    /**
     * Step 4. The unionid (user/info) is looked up before the row is locked: a WeChat call must
     * not hold the lock; the lock then decides, once.
     */
    public QrConfirmPage answer(String sceneId, String browserHash, boolean confirm) {
        Optional<QrScene> scene = scenes.find(sceneId);
        Optional<LoginProblem> refusal = refusal(scene, browserHash, clock.instant());
        if (refusal.isPresent()) {
            if (refusal.get() == QrProblem.QR_CONFIRM_OTHER_BROWSER) {
                audit.fire(AuditEvent.of(AuditKind.REFUSED, null).withMethod(method(scene.get())).withReason("qr_confirm_other_browser"));
            }
            return new QrConfirmPage.Refused(refusal.get());
        }
        QrScene s = scene.get();
        String unionId = null;
        // A bound openid without a unionid may have gained one (open platform joined later): resolve checks it for conflicts.
        if (confirm && (s.purpose() == QrScene.Purpose.BIND || bindings.lacksUnionId(s.appId(), s.scannerOpenId()))) {
            unionId = unionIds.of(s.appId(), s.scannerOpenId()).orElse(null);
        }
        return answers.apply(sceneId, browserHash, confirm, unionId);
    }

    /** Empty when {@code browserHash} may answer this scene now. */
    static Optional<LoginProblem> refusal(Optional<QrScene> scene, String browserHash, Instant now) {
        if (scene.isEmpty() || !scene.get().isConfirmOpenAt(now) || !scene.get().isVerified()) {
            return Optional.of(QrProblem.QR_CONFIRM_INVALID);
        }
        return SecureTokens.constantTimeEquals(scene.get().confirmBrowserHash(), browserHash) ? Optional.empty()
                : Optional.of(QrProblem.QR_CONFIRM_OTHER_BROWSER);
    }

    private ConfirmQuestion question(QrScene scene, Instant now) {
        String site = ConfirmTexts.site(config.publicBaseUrl());
        if (scene.purpose() == QrScene.Purpose.BIND) {
            return new ConfirmQuestion(scene.id(), scene.purpose(), "Bind this WeChat?",
                    "Bind this WeChat to account " + ConfirmTexts.maskAccount(scene.accountName()) + " on " + site,
                    "Afterwards this WeChat logs in to that account without a password. Confirm only if it is your own account.");
        }
        String as = bindings.accountOf(scene.appId(), scene.scannerOpenId())
                .map(a -> " as " + ConfirmTexts.maskAccount(a)).orElse("");
        return new ConfirmQuestion(scene.id(), scene.purpose(), "Log in on a computer?",
                "Log in on a browser: " + Objects.requireNonNullElse(scene.userAgent(), "an unknown browser") + ", "
                        + Objects.requireNonNullElse(scene.clientDisplay(), "unknown address") + ", "
                        + ConfirmTexts.ago(Duration.between(scene.createdAt(), now)),
                "That browser will be logged in to " + site + as + ". Confirm only if you are at that computer "
                        + "and asked for this yourself.");
    }

    /** The audit {@code method} of a scene's flow. */
    static String method(QrScene scene) {
        return scene.purpose() == QrScene.Purpose.BIND ? "qr-bind" : "qr-login";
    }
}
