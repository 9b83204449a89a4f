package io.wxbind.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Limits on guessing passwords and SMS codes ({@code io.wxbind.guard}), read once by
 * {@link WxBindConfigProducer}.
 *
 * @param accountMaxFailures wrong proofs for one account (name typed, or phone) before it is blocked
 *                           ({@code wxbind.guess.account-max-failures}, 5; 1..1000)
 * @param addressMaxFailures wrong proofs from one client address before it is blocked
 *                           ({@code wxbind.guess.address-max-failures}, 20; 1..100000)
 * @param window             failures are forgotten after this long without a new one (and without a block)
 *                           ({@code wxbind.guess.window-seconds}, 900; 10..86400)
 * @param baseBackoff        the first block; each further failure doubles it
 *                           ({@code wxbind.guess.backoff-seconds}, 60; 1..86400)
 * @param maxBackoff         the longest block ({@code wxbind.guess.max-backoff-seconds}, 3600; 1..604800)
 */
public record GuessConfig(int accountMaxFailures, int addressMaxFailures, Duration window, Duration baseBackoff,
        Duration maxBackoff) {

    /** Pure mapping from raw values; every problem goes to {@code problems}. */
    public static GuessConfig read(Function<String, Optional<String>> source, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        long account = r.whole("wxbind.guess.account-max-failures", 5, 1, 1000);
        long address = r.whole("wxbind.guess.address-max-failures", 20, 1, 100_000);
        Duration window = r.duration("wxbind.guess.window-seconds", 900, 10, 86_400);
        Duration base = r.duration("wxbind.guess.backoff-seconds", 60, 1, 86_400);
        Duration max = r.duration("wxbind.guess.max-backoff-seconds", 3600, 1, 604_800);
        if (max.compareTo(base) < 0) {
            problems.add("wxbind.guess.max-backoff-seconds: must not be less than wxbind.guess.backoff-seconds");
        }
        return new GuessConfig((int) account, (int) address, window, base, max);
    }

    /** {@link #read} that throws with every problem listed. */
    public static GuessConfig read(Function<String, Optional<String>> source) {
        List<String> problems = new ArrayList<>();
        GuessConfig config = read(source, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Guessing limits are misconfigured:\n  - " + String.join("\n  - ", problems));
        }
        return config;
    }

    /** The block after {@code extra} failures beyond the maximum: base, 2 x base, 4 x base, ... up to the cap. */
    public Duration backoff(int extra) {
        int doublings = Math.min(Math.max(extra, 0), 30);
        Duration d = baseBackoff.multipliedBy(1L << doublings);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
