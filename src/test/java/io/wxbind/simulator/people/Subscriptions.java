package io.wxbind.simulator.people;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who follows which official account. {@code cgi-bin/user/info} and the customer-service window
 * rules read it; the control API and the person's actions (QR scan, follow, unfollow) write it.
 * Follow state is per (appid, person), like WeChat's.
 */
public final class Subscriptions {

    /** One follow; {@code scene} is WeChat's {@code subscribe_scene}, e.g. ADD_SCENE_QR_CODE. */
    public record Subscription(String appId, String personId, Instant subscribedAt, String scene,
            long qrScene, String qrSceneStr) {
    }

    private final Map<String, Subscription> byKey = new ConcurrentHashMap<>();

    /** Follows unless already following; returns the (possibly existing) subscription. */
    public Subscription subscribe(Subscription subscription) {
        return byKey.computeIfAbsent(key(subscription.appId(), subscription.personId()), k -> subscription);
    }

    public boolean unsubscribe(String appId, String personId) {
        return byKey.remove(key(appId, personId)) != null;
    }

    public Optional<Subscription> find(String appId, String personId) {
        return Optional.ofNullable(byKey.get(key(appId, personId)));
    }

    public List<String> appIdsFollowedBy(String personId) {
        return byKey.values().stream().filter(s -> s.personId().equals(personId))
                .map(Subscription::appId).sorted().toList();
    }

    public void reset() {
        byKey.clear();
    }

    private static String key(String appId, String personId) {
        return appId + '\0' + personId;
    }
}
