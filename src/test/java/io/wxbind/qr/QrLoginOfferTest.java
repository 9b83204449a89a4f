package io.wxbind.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On real PostgreSQL: which pending login scene a browser gets again, and the per-IP cap on new ones. */
class QrLoginOfferTest {

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

    @Test
    void checkWhenIpHasItsShareThenWaitUntilOldestLeavesWindow() {
        QrLoginThrottle throttle = new QrLoginThrottle(3);
        String ip = "192.0.2.7";
        save(QrScene.Purpose.LOGIN, "b1", ip, T0.minus(QrLoginThrottle.WINDOW).minusSeconds(1), Duration.ofMinutes(5));
        for (int i = 0; i < 2; i++) {
            save(QrScene.Purpose.LOGIN, "b" + (i + 2), ip, T0.plusSeconds(i * 60L), Duration.ofMinutes(5));
        }
        Instant now = T0.plusSeconds(180);
        assertEquals(Optional.empty(), db.inTransaction(em -> throttle.check(store(em), ip, now)), "two in the window, one before it");

        save(QrScene.Purpose.LOGIN, "b4", ip, now, Duration.ofMinutes(5));
        Optional<Duration> wait = db.inTransaction(em -> throttle.check(store(em), ip, now));
        assertEquals(Optional.of(QrLoginThrottle.WINDOW.minusSeconds(180)), wait, "until the one created at T0 is 10 minutes old");
        assertEquals(Optional.empty(), db.inTransaction(em -> throttle.check(store(em), "192.0.2.8", now)), "per IP");
        assertEquals(Optional.empty(), db.inTransaction(em -> throttle.check(store(em), ip, T0.plus(QrLoginThrottle.WINDOW))),
                "free again once the oldest has left the window");
    }

    @Test
    void checkWhenBindScenesThenNotCounted() {
        QrLoginThrottle throttle = new QrLoginThrottle(1);
        save(QrScene.Purpose.BIND, null, null, T0, Duration.ofMinutes(5));
        assertEquals(Optional.empty(), db.inTransaction(em -> throttle.check(store(em), "192.0.2.9", T0.plusSeconds(1))));
    }

    @Test
    void settingsWhenOutOfRangeThenDeploymentFails() {
        assertThrows(IllegalArgumentException.class, () -> new QrLoginThrottle(0));
        QrBindingService service = new QrBindingService();
        service.loginPerIp = 30;
        service.ttlSeconds = 300;
        service.validate();
        assertEquals(Duration.ofSeconds(60), service.reuseMargin());
        service.ttlSeconds = 90;
        assertEquals(Duration.ofSeconds(30), service.reuseMargin(), "a third of a short lifetime");
        service.ttlSeconds = 59;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> service.validate());
        assertTrue(e.getMessage().contains("wechat.qr.ttl-seconds"), e.getMessage());
        service.ttlSeconds = 300;
        service.loginPerIp = 0;
        assertThrows(IllegalArgumentException.class, () -> service.validate());
    }
}
