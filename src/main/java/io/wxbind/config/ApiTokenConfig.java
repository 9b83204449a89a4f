package io.wxbind.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings of the bearer API tokens ({@code io.wxbind.auth.token}), read once by
 * {@link WxBindConfigProducer} and validated with the rest of the configuration.
 *
 * @param ttl          lifetime of a token ({@code wxbind.api-token.ttl-seconds}, 3600; 10..86400).
 *                     Short on purpose: a client renews with {@code POST /api/wechat/tokens}
 * @param cacheTime    how long a node trusts a token it has validated without asking the database
 *                     ({@code wxbind.api-token.cache-seconds}, 5; 0..60, 0 = no cache). It is also the
 *                     longest time another node may still accept a revoked token
 * @param maxPerCaller live tokens one caller may hold; issuing one more drops their oldest
 *                     ({@code wxbind.api-token.max-per-caller}, 20; 1..1000)
 */
public record ApiTokenConfig(Duration ttl, Duration cacheTime, int maxPerCaller) {

    /** Pure mapping from raw values; every problem goes to {@code problems}. */
    public static ApiTokenConfig read(Function<String, Optional<String>> source, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        Duration ttl = r.duration("wxbind.api-token.ttl-seconds", 3600, 10, 86_400);
        Duration cache = r.duration("wxbind.api-token.cache-seconds", 5, 0, 60);
        long max = r.whole("wxbind.api-token.max-per-caller", 20, 1, 1000);
        return new ApiTokenConfig(ttl, cache, (int) max);
    }
}
