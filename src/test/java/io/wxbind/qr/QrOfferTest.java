package io.wxbind.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.config.ConfigFixtures;
import io.wxbind.config.QrConfig;
import io.wxbind.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On real PostgreSQL: which pending login scene a browser gets again, and the caps on new codes (per IP, per account). */
class QrOfferTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final AtomicInteger SEQ = new AtomicInteger();
    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();

    private static QrSceneStore store(EntityManager em) {
        QrSceneStore s = new QrSceneStore();
        s.em = em;
        return s;
    }

    private static QrScene save(QrScene.Purpose purpose, String browser, String ip, Instant created, Duration ttl) {
        int n = SEQ.incrementAndGet();
        QrScene scene = new QrScene("scene-" + n, purpose, "wx1a2b3c4d5e6f7a8b", purpose.name().toLowerCase(Locale.ROOT) + ":s" + n,
                "ticket-" + n, purpose == QrScene.Purpose.BIND ? "alice" : null, browser, ip, created, created.plus(ttl));
        db.inTransaction(em -> {
            store(em).save(scene);
            return null;
        });
        return scene;
    }

    private static Optional<String> pendingId(String browser, Instant until) {
        return db.inTransaction(em -> store(em).pendingLogin(browser, until).map(QrScene::id));
    }

    @Test
    void pendingLoginWhenSameBrowserThenNewestStillValidOnly() {
        save(QrScene.Purpose.LOGIN, "browser-a", "10.0.0.1", T0, Duration.ofMinutes(5));
        QrScene newer = save(QrScene.Purpose.LOGIN, "browser-a", "10.0.0.1", T0.plusSeconds(10), Duration.ofMinutes(5));
        save(QrScene.Purpose.LOGIN, "browser-b", "10.0.0.1", T0.plusSeconds(20), Duration.ofMinutes(5));

        assertEquals(Optional.of(newer.id()), pendingId("browser-a", T0.plusSeconds(60)));
        assertEquals(Optional.empty(), pendingId("browser-a", newer.expiresAt()), "not one about to expire");
        assertEquals(Optional.empty(), pendingId("browser-c", T0), "never another browser's");
    }

    @Test
    void pendingLoginWhenCompletedThenNotOfferedAgain() {
        QrScene used = save(QrScene.Purpose.LOGIN, "browser-done", "10.0.0.2", T0, Duration.ofMinutes(5));
        db.inTransaction(em -> {
            store(em).lock(used.id()).orElseThrow().complete(QrScene.Status.CONFIRMED, "bob", "ok", T0.plusSeconds(5));
            return null;
        });
        assertEquals(Optional.empty(), pendingId("browser-done", T0.plusSeconds(10)));
    }

    private static Optional<Duration> checkIp(QrCreationCap cap, String ip, Instant now) {
        return db.inTransaction(em -> cap.check(store(em).loginsFrom(ip, now.minus(QrCreationCap.WINDOW), cap.max()), now));
    }

    private static Optional<Duration> checkAccount(QrCreationCap cap, String account, Instant now) {
        return db.inTransaction(em -> cap.check(store(em).bindsBy(account, now.minus(QrCreationCap.WINDOW), cap.max()), now));
    }

    @Test
    void checkWhenIpHasItsShareThenWaitUntilOldestLeavesWindow() {
        QrCreationCap throttle = new QrCreationCap("wechat.qr.login-per-ip", 3);
        String ip = "192.0.2.7";
        save(QrScene.Purpose.LOGIN, "b1", ip, T0.minus(QrCreationCap.WINDOW).minusSeconds(1), Duration.ofMinutes(5));
        for (int i = 0; i < 2; i++) {
            save(QrScene.Purpose.LOGIN, "b" + (i + 2), ip, T0.plusSeconds(i * 60L), Duration.ofMinutes(5));
        }
        Instant now = T0.plusSeconds(180);
        assertEquals(Optional.empty(), checkIp(throttle, ip, now), "two in the window, one before it");

        save(QrScene.Purpose.LOGIN, "b4", ip, now, Duration.ofMinutes(5));
        Optional<Duration> wait = checkIp(throttle, ip, now);
        assertEquals(Optional.of(QrCreationCap.WINDOW.minusSeconds(180)), wait, "until the one created at T0 is 10 minutes old");
        assertEquals(Optional.empty(), checkIp(throttle, "192.0.2.8", now), "per IP");
        assertEquals(Optional.empty(), checkIp(throttle, ip, T0.plus(QrCreationCap.WINDOW)),
                "free again once the oldest has left the window");
    }

    @Test
    void checkWhenBindScenesThenNotCountedPerIp() {
        QrCreationCap throttle = new QrCreationCap("wechat.qr.login-per-ip", 1);
        save(QrScene.Purpose.BIND, null, null, T0, Duration.ofMinutes(5));
        assertEquals(Optional.empty(), checkIp(throttle, "192.0.2.9", T0.plusSeconds(1)));
    }

    @Test
    void checkWhenAccountHadItsShareOfBindCodesThenWaitAndOtherAccountsFree() {
        QrCreationCap cap = new QrCreationCap("wechat.qr.bind-per-account", 2);
        Instant t = T0.plus(Duration.ofDays(1));
        saveBind("carol", t);
        assertEquals(Optional.empty(), checkAccount(cap, "carol", t.plusSeconds(1)));
        saveBind("carol", t.plusSeconds(30));
        assertEquals(Optional.of(QrCreationCap.WINDOW.minusSeconds(60)), checkAccount(cap, "carol", t.plusSeconds(60)));
        assertEquals(Optional.empty(), checkAccount(cap, "dave", t.plusSeconds(60)), "per account");
        save(QrScene.Purpose.LOGIN, "browser-carol", "192.0.2.10", t, Duration.ofMinutes(5));
        assertEquals(Optional.empty(), checkAccount(new QrCreationCap("x", 3), "carol", t.plusSeconds(60)), "login codes do not count");
    }

    private static void saveBind(String account, Instant created) {
        int n = SEQ.incrementAndGet();
        QrScene scene = new QrScene("scene-" + n, QrScene.Purpose.BIND, "wx1a2b3c4d5e6f7a8b", "bind:s" + n, "ticket-" + n, account,
                null, null, created, created.plus(Duration.ofMinutes(5)));
        db.inTransaction(em -> {
            store(em).save(scene);
            return null;
        });
    }

    @Test
    void capsAndReuseMarginWhenSettingsThenFollowThem() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new QrCreationCap("wechat.qr.bind-per-account", 0));
        assertTrue(zero.getMessage().contains("wechat.qr.bind-per-account"), zero.getMessage());
        QrBindingService service = new QrBindingService();
        service.settings = ConfigFixtures.read(QrConfig::read);
        service.caps();
        assertEquals(Duration.ofSeconds(60), service.reuseMargin());
        assertEquals(Duration.ofSeconds(300), service.freshLoginWindow());
        service.settings = ConfigFixtures.read(QrConfig::read, "wechat.qr.ttl-seconds", "90");
        assertEquals(Duration.ofSeconds(30), service.reuseMargin(), "a third of a short lifetime");
    }
}
