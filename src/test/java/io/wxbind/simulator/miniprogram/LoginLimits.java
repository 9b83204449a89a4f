package io.wxbind.simulator.miniprogram;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * jscode2session's answers about the user rather than the code (protocol §3.1, §11): 40226 "code
 * blocked" for a high-risk user and 45011 past the per-user minute limit (100 calls a minute by
 * default). Rules set through the control API switch these on for a person, an app or a pair: a
 * {@code blocked} rule blocks, a {@code perMinute} rule lowers (or raises) the limit; a null
 * {@code appId} or {@code personId} matches any. Minutes follow the simulator clock.
 */
public final class LoginLimits {

    public static final int DEFAULT_PER_MINUTE = 100;

    /** One rule; at least one of appId/personId is set. */
    public record Rule(String appId, String personId, boolean blocked, Integer perMinute) {
        boolean matches(String app, String person) {
            return (appId == null || appId.equals(app)) && (personId == null || personId.equals(person));
        }
    }

    private record Window(long minute, int calls) {
    }

    private final Clock clock;
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Window> windows = new HashMap<>();

    public LoginLimits(Clock clock) {
        this.clock = clock;
    }

    /** Adds {@code rule}, replacing an earlier one for the same (appId, personId). */
    public synchronized void put(Rule rule) {
        rules.removeIf(r -> Objects.equals(r.appId(), rule.appId()) && Objects.equals(r.personId(), rule.personId()));
        rules.add(rule);
    }

    public synchronized List<Rule> rules() {
        return List.copyOf(rules);
    }

    /**
     * Counts one login call of the pair and answers 40226, 45011 or 0. The call counts even when
     * refused, as WeChat counts calls, not successes.
     */
    public synchronized int check(String appId, String personId) {
        long minute = clock.instant().getEpochSecond() / 60;
        String key = appId + '\0' + personId;
        Window window = windows.get(key);
        int calls = window == null || window.minute() != minute ? 1 : window.calls() + 1;
        windows.put(key, new Window(minute, calls));
        List<Rule> matching = rules.stream().filter(r -> r.matches(appId, personId)).toList();
        if (matching.stream().anyMatch(Rule::blocked)) {
            return 40226;
        }
        int limit = matching.stream().filter(r -> r.perMinute() != null).mapToInt(Rule::perMinute)
                .min().orElse(DEFAULT_PER_MINUTE);
        return calls > limit ? 45011 : 0;
    }

    /** Removes every rule and count. */
    public synchronized void reset() {
        rules.clear();
        windows.clear();
    }
}
