package io.wxbind.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.account.AccountBindingService;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.config.ConfigFixtures;
import io.wxbind.config.FirstLoginPolicy;
import io.wxbind.config.QrConfig;
import io.wxbind.config.WeChatConfig;
import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.testsupport.MutableClock;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The confirm-on-the-phone state machine on real PostgreSQL: a scan only asks, the link works for
 * the scanner in one browser, the answer is taken once, expiry and conflicts change nothing.
 */
class QrConfirmFlowTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();

    private static final String APP = "wxconfirm00000001";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Pattern LINK = Pattern.compile("https://portal\\.example\\.com/wxbind/wechat/qr-confirm\\?t=([A-Za-z0-9]{43})");
    private static final WeChatConfig CONFIG = new WeChatConfig(APP, "secret", URI.create("https://open.example"),
            URI.create("https://api.example"), URI.create("https://mp.example"), WeChatConfig.SCOPE_BASE, FirstLoginPolicy.BIND,
            URI.create("https://portal.example.com/wxbind"), List.of(), Duration.ofSeconds(5), Duration.ofMinutes(10),
            Duration.ofMinutes(5), Set.of("user"));

    private final MutableClock clock = new MutableClock();
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private final Map<String, String> unionIdsByOpenId = new ConcurrentHashMap<>();

    /** The beans of one transaction, wired by hand. */
    private record Beans(QrScanHandler scans, QrConfirmService confirms, QrSceneStore store, AccountBindingService bindings) {
    }

    @SuppressWarnings("unchecked")
    private Beans beans(EntityManager em) {
        Event<AuditEvent> events = (Event<AuditEvent>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Event.class},
                (p, m, a) -> {
                    if (m.getName().equals("fire")) {
                        audit.add((AuditEvent) a[0]);
                    }
                    return null;
                });
        QrSceneStore store = new QrSceneStore();
        store.em = em;
        AccountBindingService bindings = new AccountBindingService();
        setField(bindings, "em", em);
        setField(bindings, "clock", clock);
        setField(bindings, "events", events);
        UnionIdLookup unionIds = new UnionIdLookup() {
            @Override
            public Optional<String> of(String appId, String openId) {
                return Optional.ofNullable(unionIdsByOpenId.get(openId));
            }
        };
        QrConfig settings = ConfigFixtures.read(QrConfig::read, "wechat.qr.confirm-seconds", "180");
        QrScanHandler scans = new QrScanHandler();
        scans.scenes = store;
        scans.bindings = bindings;
        scans.unionIds = unionIds;
        scans.config = CONFIG;
        scans.settings = settings;
        scans.audit = events;
        scans.clock = clock;
        QrAnswers answers = new QrAnswers();
        answers.scenes = store;
        answers.bindings = bindings;
        answers.config = CONFIG;
        answers.audit = events;
        answers.clock = clock;
        QrConfirmService confirms = new QrConfirmService();
        confirms.scenes = store;
        confirms.answers = answers;
        confirms.bindings = bindings;
        confirms.unionIds = unionIds;
        confirms.config = CONFIG;
        confirms.audit = events;
        confirms.clock = clock;
        return new Beans(scans, confirms, store, bindings);
    }

    /** AccountBindingService's fields are package-private in another package. */
    private static void setField(Object target, String name, Object value) {
        try {
            var f = target.getClass().getDeclaredField(name);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T tx(Function<Beans, T> work) {
        return db.inTransaction(em -> work.apply(beans(em)));
    }

    private boolean valid(String raw) {
        return tx(b -> b.confirms().isValidTicket(raw));
    }

    private static String openId() {
        return "o" + SecureTokens.alphanumeric(27);
    }

    private QrScene scene(QrScene.Purpose purpose, String account) {
        int n = SEQ.incrementAndGet();
        Instant now = clock.instant();
        QrScene scene = new QrScene("confirm-scene-" + n, purpose, APP, purpose.name().toLowerCase(java.util.Locale.ROOT) + ":c" + n,
                "ticket-" + n, account, purpose == QrScene.Purpose.LOGIN ? "desktop-browser" : null, null, now, now.plusSeconds(300));
        if (purpose == QrScene.Purpose.LOGIN) {
            scene.describeDesktop("Chrome on Windows", "192.0.2.x");
        }
        tx(b -> {
            b.store().save(scene);
            return null;
        });
        return scene;
    }

    private String sceneStr(QrScene scene) {
        return (scene.purpose() == QrScene.Purpose.BIND ? "bind:c" : "login:c") + scene.id().substring("confirm-scene-".length());
    }

    private String scan(QrScene scene, String openId) {
        return tx(b -> b.scans().onScan(APP, openId, sceneStr(scene))).orElseThrow();
    }

    private static String ticketOf(String reply) {
        Matcher m = LINK.matcher(reply);
        assertTrue(m.find(), "no confirm link in: " + reply);
        return m.group(1);
    }

    private QrScene reload(QrScene scene) {
        return tx(b -> b.store().find(scene.id()).orElseThrow());
    }

    private QrConfirmService.Verification verify(String raw, String openId, String browser) {
        return tx(b -> b.confirms().verify(SecureTokens.sha256Hex(raw), APP, openId, browser));
    }

    private String bind(String openId, String account) {
        tx(b -> b.bindings().bind(new WeChatIdentity(APP, openId, null, null, null), account));
        return openId;
    }

    @Test
    void scanWhenBoundThenOnlyScannedAndReplyHasLinkButNoAccountName() {
        String phone = bind(openId(), "alice");
        QrScene scene = scene(QrScene.Purpose.LOGIN, null);
        String reply = scan(scene, phone);
        assertFalse(reply.contains("alice"), reply);
        String raw = ticketOf(reply);
        QrScene scanned = reload(scene);
        assertEquals(QrScene.Status.SCANNED, scanned.status());
        assertEquals(phone, scanned.scannerOpenId());
        assertNull(scanned.resultAccount(), "nobody is logged in by a scan");
        assertEquals("scanned", QrSceneView.of(scanned, clock.instant()).status());
        assertTrue(valid(raw));
        assertTrue(audit.stream().anyMatch(e -> e.kind() == AuditKind.SCANNED && "alice".equals(e.account())));
        assertEquals("1", db.inTransaction(em -> em.createNativeQuery("select count(*) from wxbind_qr_scene where id = ?1"
                + " and confirm_ticket_hash = ?2").setParameter(1, scene.id()).setParameter(2, SecureTokens.sha256Hex(raw))
                .getSingleResult()).toString(), "the hash is stored");
        assertEquals("0", db.inTransaction(em -> em.createNativeQuery("select count(*) from wxbind_qr_scene s"
                + " where strpos(cast(row_to_json(s) as text), ?1) > 0").setParameter(1, raw).getSingleResult()).toString(),
                "the raw ticket is not");
    }

    @Test
    void scanWhenAlreadyScannedThenOthersRefusedAndScannerGetsAFreshLink() {
        String phone = bind(openId(), "alice");
        QrScene scene = scene(QrScene.Purpose.LOGIN, null);
        String first = ticketOf(scan(scene, phone));
        String other = scan(scene, bind(openId(), "bob"));
        assertTrue(other.contains("Someone else has already scanned"), other);
        assertEquals(phone, reload(scene).scannerOpenId(), "the second scan changed nothing");
        assertTrue(valid(first));

        String second = ticketOf(scan(scene, phone));
        assertFalse(valid(first), "a new link replaces the old one");
        assertTrue(valid(second));
    }

    @Test
    void verifyWhenAnotherWeChatOpensTheLinkThenRefusedUnchangedAndOwnerStillCan() {
        String phone = bind(openId(), "alice");
        QrScene scene = scene(QrScene.Purpose.LOGIN, null);
        String raw = ticketOf(scan(scene, phone));

        assertInstanceOf(QrConfirmService.Verification.NotYours.class, verify(raw, openId(), "forwarded-browser"));
        QrScene after = reload(scene);
        assertEquals(QrScene.Status.SCANNED, after.status());
        assertNull(after.confirmBrowserHash());
        assertTrue(valid(raw), "not spent by someone else");
        assertTrue(audit.stream().anyMatch(e -> e.kind() == AuditKind.REFUSED && "qr_confirm_not_yours".equals(e.reason())));

        var ok = assertInstanceOf(QrConfirmService.Verification.Verified.class, verify(raw, phone, "phone-browser"));
        assertEquals(scene.id(), ok.sceneId());
        assertFalse(valid(raw), "spent");
        assertInstanceOf(QrConfirmService.Verification.Invalid.class, verify(raw, phone, "phone-browser"), "single use");
    }

    @Test
    void answerWhenConfirmedThenLoginSceneConfirmedOnceAndOnlyFromThatBrowser() {
        String phone = bind(openId(), "alice");
        QrScene scene = scene(QrScene.Purpose.LOGIN, null);
        clock.advance(Duration.ofSeconds(130));
        String raw = ticketOf(scan(scene, phone));
        verify(raw, phone, "phone-browser");

        var ask = assertInstanceOf(QrConfirmPage.Ask.class, tx(b -> b.confirms().page(scene.id(), "phone-browser")));
        assertEquals("Log in on a browser: Chrome on Windows, 192.0.2.x, 2 min ago", ask.question().question());
        assertTrue(ask.question().detail().contains("portal.example.com as al***e"), ask.question().detail());
        assertEquals(QrProblem.QR_CONFIRM_OTHER_BROWSER,
                assertInstanceOf(QrConfirmPage.Refused.class, tx(b -> b.confirms().page(scene.id(), "thief-browser"))).problem());
        assertEquals(QrProblem.QR_CONFIRM_OTHER_BROWSER,
                assertInstanceOf(QrConfirmPage.Refused.class, tx(b -> b.confirms().answer(scene.id(), "thief-browser", true))).problem());
        assertEquals(QrScene.Status.SCANNED, reload(scene).status());

        var done = assertInstanceOf(QrConfirmPage.Done.class, tx(b -> b.confirms().answer(scene.id(), "phone-browser", true)));
        assertEquals("confirmed", done.outcome());
        QrScene confirmed = reload(scene);
        assertEquals(QrScene.Status.CONFIRMED, confirmed.status());
        assertEquals("alice", confirmed.resultAccount());
        assertNull(QrSceneView.of(confirmed, clock.instant()).account(), "a login page is not told the account");
        assertEquals(QrProblem.QR_CONFIRM_INVALID, assertInstanceOf(QrConfirmPage.Refused.class,
                tx(b -> b.confirms().answer(scene.id(), "phone-browser", false))).problem(), "answered once");
        assertEquals(QrScene.Status.CONFIRMED, reload(scene).status());
        assertTrue(audit.stream().anyMatch(e -> e.kind() == AuditKind.CONFIRMED && "qr-login".equals(e.method())));
    }

    @Test
    void answerWhenNotMeThenCancelledAndNothingBound() {
        String phone = openId();
        QrScene scene = scene(QrScene.Purpose.BIND, "mallory");
        String reply = scan(scene, phone);
        assertFalse(reply.contains("mallory"), reply);
        String raw = ticketOf(reply);
        verify(raw, phone, "victim-browser");
        var ask = assertInstanceOf(QrConfirmPage.Ask.class, tx(b -> b.confirms().page(scene.id(), "victim-browser")));
        assertEquals("Bind this WeChat to account ma***y on portal.example.com", ask.question().question());

        var done = assertInstanceOf(QrConfirmPage.Done.class, tx(b -> b.confirms().answer(scene.id(), "victim-browser", false)));
        assertEquals("cancelled", done.outcome());
        QrScene cancelled = reload(scene);
        assertEquals(QrScene.Status.CANCELLED, cancelled.status());
        assertEquals("Cancelled on the phone.", cancelled.message());
        assertEquals(Optional.empty(), tx(b -> b.bindings().accountOf(APP, phone)));
        assertTrue(audit.stream().anyMatch(e -> e.kind() == AuditKind.NOT_ME));
        assertTrue(audit.stream().noneMatch(e -> e.kind() == AuditKind.BOUND));
    }

    @Test
    void answerWhenBindConfirmedThenBoundWithUnionIdAndWhenUnionIdBoundElsewhereThenConflict() {
        String phone = openId();
        unionIdsByOpenId.put(phone, "u" + SecureTokens.alphanumeric(27));
        QrScene scene = scene(QrScene.Purpose.BIND, "carol");
        verify(ticketOf(scan(scene, phone)), phone, "phone-browser");
        assertEquals("bound", assertInstanceOf(QrConfirmPage.Done.class,
                tx(b -> b.confirms().answer(scene.id(), "phone-browser", true))).outcome());
        assertEquals(Optional.of("carol"), tx(b -> b.bindings().accountOf(APP, phone)));
        assertEquals(Optional.of("carol"), tx(b -> b.bindings().accountOfUnionId(unionIdsByOpenId.get(phone))));

        // The same person (unionid) now scans dave's code with another app's openid: one person, two accounts → refused.
        String samePersonOtherOpenId = openId();
        unionIdsByOpenId.put(samePersonOtherOpenId, unionIdsByOpenId.get(phone));
        QrScene daves = scene(QrScene.Purpose.BIND, "dave");
        verify(ticketOf(scan(daves, samePersonOtherOpenId)), samePersonOtherOpenId, "phone-browser");
        assertEquals(FlowProblem.BINDING_CONFLICT, assertInstanceOf(QrConfirmPage.Refused.class,
                tx(b -> b.confirms().answer(daves.id(), "phone-browser", true))).problem());
        assertEquals(QrScene.Status.REFUSED, reload(daves).status());
        assertEquals(Optional.empty(), tx(b -> b.bindings().accountOf(APP, samePersonOtherOpenId)), "nothing bound");
        assertEquals(List.of("dave"), audit.stream().filter(e -> e.kind() == AuditKind.CONFLICT && "unionid_bound_elsewhere".equals(e.reason()))
                .map(AuditEvent::account).toList(), "recorded once, for the account that tried");
    }

    @Test
    void answerWhenLoginUnionIdNowStandsForAnotherAccountThenRefusedOnPhoneAndDesktopAndNothingChanged() {
        String phone = bind(openId(), "kate"); // bound before this app's open platform gave unionids
        String union = "u" + SecureTokens.alphanumeric(27);
        tx(b -> b.bindings().bind(new WeChatIdentity("wxotherapp0000001", openId(), union, null, null), "jack"));
        unionIdsByOpenId.put(phone, union);
        QrScene scene = scene(QrScene.Purpose.LOGIN, null);
        verify(ticketOf(scan(scene, phone)), phone, "phone-browser");

        assertEquals(FlowProblem.UNIONID_CONFLICT, assertInstanceOf(QrConfirmPage.Refused.class,
                tx(b -> b.confirms().answer(scene.id(), "phone-browser", true))).problem());
        QrScene refused = reload(scene);
        assertEquals(QrScene.Status.REFUSED, refused.status());
        assertNull(refused.resultAccount(), "nobody is logged in on the desktop");
        QrSceneView desktop = QrSceneView.of(refused, clock.instant());
        assertEquals("refused", desktop.status());
        assertTrue(desktop.message().contains("two different accounts"), desktop.message());
        assertEquals(Optional.of("kate"), tx(b -> b.bindings().accountOf(APP, phone)));
        assertEquals(Optional.of("jack"), tx(b -> b.bindings().accountOfUnionId(union)), "never merged");
        assertEquals(List.of("kate", "jack"), audit.stream().filter(e -> e.kind() == AuditKind.CONFLICT).map(AuditEvent::account).toList());
        assertTrue(audit.stream().noneMatch(e -> e.kind() == AuditKind.CONFIRMED));
    }

    @Test
    void confirmWhenLinkLapsedThenInvalidEverywhereAndSceneShownExpired() {
        String phone = bind(openId(), "alice");
        QrScene scene = scene(QrScene.Purpose.LOGIN, null);
        String raw = ticketOf(scan(scene, phone));
        verify(raw, phone, "phone-browser");
        clock.advance(Duration.ofSeconds(181));
        assertEquals(QrProblem.QR_CONFIRM_INVALID, assertInstanceOf(QrConfirmPage.Refused.class,
                tx(b -> b.confirms().answer(scene.id(), "phone-browser", true))).problem());
        assertEquals("expired", QrSceneView.of(reload(scene), clock.instant()).status());

        QrScene late = scene(QrScene.Purpose.LOGIN, null);
        String lateRaw = ticketOf(scan(late, phone));
        clock.advance(Duration.ofSeconds(181));
        assertFalse(valid(lateRaw));
        assertInstanceOf(QrConfirmService.Verification.Invalid.class, verify(lateRaw, phone, "phone-browser"));
        assertEquals(QrScene.Status.SCANNED, reload(late).status(), "a lapsed link changes nothing");
    }

    @Test
    void scanWhenSceneNearItsEndThenKeptLongEnoughToConfirmAndComplete() {
        String phone = bind(openId(), "alice");
        QrScene scene = scene(QrScene.Purpose.LOGIN, null);
        clock.advance(Duration.ofSeconds(290));
        scan(scene, phone);
        assertEquals(clock.instant().plusSeconds(180).plus(QrScanHandler.COMPLETE_GRACE), reload(scene).expiresAt());
    }

    @Test
    void scanWhenLoginByUnboundOrBindOfWeChatBoundElsewhereThenAnsweredAtOnce() {
        QrScene login = scene(QrScene.Purpose.LOGIN, null);
        String stranger = openId();
        assertTrue(scan(login, stranger).contains("not bound"));
        assertEquals(QrScene.Status.UNBOUND, reload(login).status());

        String alices = bind(openId(), "alice");
        QrScene bind = scene(QrScene.Purpose.BIND, "mallory");
        assertTrue(scan(bind, alices).contains("already bound to another account"));
        assertEquals(QrScene.Status.REFUSED, reload(bind).status());
        assertEquals(Optional.of("alice"), tx(b -> b.bindings().accountOf(APP, alices)));

        String unionBound = openId();
        unionIdsByOpenId.put(unionBound, "u" + SecureTokens.alphanumeric(27));
        tx(b -> b.bindings().bind(new WeChatIdentity("wxotherapp0000001", openId(), unionIdsByOpenId.get(unionBound), null, null), "bob"));
        QrScene viaUnion = scene(QrScene.Purpose.LOGIN, null);
        ticketOf(scan(viaUnion, unionBound)); // bound through another app of the same person: may confirm
        assertEquals(QrScene.Status.SCANNED, reload(viaUnion).status());
    }

    @Test
    void verifyAndAnswerWhenRacedThenExactlyOneWins() throws Exception {
        String phone = bind(openId(), "alice");
        QrScene scene = scene(QrScene.Purpose.LOGIN, null);
        String raw = ticketOf(scan(scene, phone));
        int n = 16;
        List<Object> verified = race(n, () -> verify(raw, phone, "phone-browser"));
        assertEquals(1, verified.stream().filter(QrConfirmService.Verification.Verified.class::isInstance).count(), verified.toString());
        assertEquals(n - 1, verified.stream().filter(QrConfirmService.Verification.Invalid.class::isInstance).count());

        List<Object> answers = race(n, () -> tx(b -> b.confirms().answer(scene.id(), "phone-browser", Math.random() < 0.5)));
        assertEquals(1, answers.stream().filter(QrConfirmPage.Done.class::isInstance).count(), answers.toString());
        assertEquals(n - 1, answers.stream().filter(a -> a instanceof QrConfirmPage.Refused r
                && r.problem() == QrProblem.QR_CONFIRM_INVALID).count());
        QrScene.Status outcome = reload(scene).status();
        assertTrue(outcome == QrScene.Status.CONFIRMED || outcome == QrScene.Status.CANCELLED, outcome.toString());
    }

    /** Runs {@code work} on {@code n} threads released together; each result, or the exception it threw. */
    private static List<Object> race(int n, java.util.concurrent.Callable<Object> work) throws Exception {
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<Object>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return work.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new java.util.ArrayList<>();
            for (var f : futures) {
                results.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void textsWhenMaskingAndAgeThenShortAndRecognisable() {
        assertEquals("al***e", ConfirmTexts.maskAccount("alice"));
        assertEquals("b***", ConfirmTexts.maskAccount("bob"));
        assertEquals("d***e", ConfirmTexts.maskAccount("dave"));
        assertEquals("张***", ConfirmTexts.maskAccount("张伟"));
        assertEquals("just now", ConfirmTexts.ago(Duration.ofSeconds(59)));
        assertEquals("2 min ago", ConfirmTexts.ago(Duration.ofSeconds(130)));
        assertEquals("1 h ago", ConfirmTexts.ago(Duration.ofMinutes(61)));
        assertEquals("this site", ConfirmTexts.site(null));
    }
}
