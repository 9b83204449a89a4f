package io.wxbind.qr;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cap on new QR login codes per client IP in a rolling {@link #WINDOW}. The login page needs
 * no login and each new code is a {@code qrcode/create} call against the app's daily WeChat
 * quota, so one client must not be able to spend it. Counted from the scenes in PostgreSQL, so
 * every node sees the same codes; two nodes racing for the last free place may both get it, an
 * overshoot bounded by the concurrent requests, which a quota guard can afford.
 */
final class QrLoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final int perIp;

    QrLoginThrottle(int perIp) {
        if (perIp < 1) {
            throw new IllegalArgumentException("wechat.qr.login-per-ip must be at least 1, not " + perIp);
        }
        this.perIp = perIp;
    }

    /** Empty when {@code clientIp} may have another code now, else how long until the oldest counted one leaves the window. */
    Optional<Duration> check(QrSceneStore scenes, String clientIp, Instant now) {
        List<Instant> newestFirst = scenes.loginsFrom(clientIp, now.minus(WINDOW), perIp);
        if (newestFirst.size() < perIp) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, newestFirst.get(newestFirst.size() - 1).plus(WINDOW)));
    }
}
