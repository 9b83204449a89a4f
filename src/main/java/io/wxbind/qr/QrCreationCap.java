package io.wxbind.qr;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A cap on new QR codes in a rolling {@link #WINDOW}: login codes per client address (the login
 * page needs no login, and each code is a {@code qrcode/create} call against the app's daily
 * WeChat quota) and bind codes per account (a stolen session must not mint them in bulk).
 * Counted from the scenes in PostgreSQL, so every node sees the same codes; two nodes racing for
 * the last free place may both get it, an overshoot bounded by the concurrent requests.
 */
final class QrCreationCap {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final int max;

    /** @param setting the config key of {@code max}, named when it is out of range */
    QrCreationCap(String setting, int max) {
        if (max < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1, not " + max);
        }
        this.max = max;
    }

    /** How many of the newest codes {@link #check} needs to see. */
    int max() {
        return max;
    }

    /**
     * @param newestFirst creation times of the newest (at most {@link #max}) codes counted, within the window
     * @return empty when another code fits now, else how long until the oldest counted one leaves the window
     */
    Optional<Duration> check(List<Instant> newestFirst, Instant now) {
        if (newestFirst.size() < max) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, newestFirst.get(newestFirst.size() - 1).plus(WINDOW)));
    }
}
