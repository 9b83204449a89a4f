package io.wxbind.sms;

import io.wxbind.config.SmsConfig;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The send throttles, counted from the send log in PostgreSQL (cluster-wide): per phone a
 * minimum interval and a cap per rolling hour, per client IP a cap per rolling hour. Each
 * refusal says how long to wait: until the send that blocks leaves its window.
 * The caller holds the per-phone and per-IP locks, so two nodes cannot both let the last one through.
 */
final class SmsSendThrottle {

    private final SmsConfig config;

    SmsSendThrottle(SmsConfig config) {
        this.config = config;
    }

    Optional<SendResult.Throttled> check(EntityManager em, String phone, String clientIp, Instant now) {
        Instant since = now.minus(SmsConfig.THROTTLE_WINDOW);
        List<Instant> phoneSends = recent(em, SmsSend.PHONE_SENDS_SINCE, "phone", phone, since, config.phonePerHour());
        if (!phoneSends.isEmpty()) {
            Instant next = phoneSends.get(0).plus(config.resendInterval());
            if (now.isBefore(next)) {
                return Optional.of(new SendResult.Throttled(SendResult.Limit.PHONE_INTERVAL, Duration.between(now, next)));
            }
        }
        if (phoneSends.size() >= config.phonePerHour()) {
            return Optional.of(windowFull(SendResult.Limit.PHONE_HOURLY, phoneSends, now));
        }
        List<Instant> ipSends = recent(em, SmsSend.IP_SENDS_SINCE, "ip", clientIp, since, config.ipPerHour());
        if (ipSends.size() >= config.ipPerHour()) {
            return Optional.of(windowFull(SendResult.Limit.IP_HOURLY, ipSends, now));
        }
        return Optional.empty();
    }

    /** The newest {@code max} sends in the window, newest first. */
    private static List<Instant> recent(EntityManager em, String query, String param, String value, Instant since, int max) {
        return em.createNamedQuery(query, Instant.class).setParameter(param, value).setParameter("since", since)
                .setMaxResults(max).getResultList();
    }

    /** Full window: the oldest of the newest {@code max} sends must leave it before another fits. */
    private static SendResult.Throttled windowFull(SendResult.Limit limit, List<Instant> newestFirst, Instant now) {
        Instant frees = newestFirst.get(newestFirst.size() - 1).plus(SmsConfig.THROTTLE_WINDOW);
        return new SendResult.Throttled(limit, Duration.between(now, frees));
    }
}
