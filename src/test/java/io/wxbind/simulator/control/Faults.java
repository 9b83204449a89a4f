package io.wxbind.simulator.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The installed faults. The first matching rule applies; a counted rule retires after its last
 * use. Clearing a rule also releases requests it is holding ("hang"), including requests held by
 * rules that already retired.
 */
public final class Faults {

    public static final Duration MAX_HANG = Duration.ofSeconds(120);

    private final List<FaultRule> active = new ArrayList<>();
    private final List<FaultRule> uncleared = new ArrayList<>();
    private long nextId = 1;

    public synchronized FaultRule add(FaultSpec spec) {
        FaultRule rule = new FaultRule(String.valueOf(nextId++), spec);
        active.add(rule);
        uncleared.add(rule);
        return rule;
    }

    /** The rule to apply to a call on {@code path}, consuming one of its uses. */
    public synchronized Optional<FaultRule> take(String path) {
        for (FaultRule rule : active) {
            if (rule.spec().matches(path)) {
                if (rule.consume()) {
                    active.remove(rule);
                }
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public synchronized List<FaultRule> list() {
        return List.copyOf(active);
    }

    /** A view of the rule for listing: its remaining uses (null = unlimited). */
    public synchronized Integer remaining(FaultRule rule) {
        return rule.remaining();
    }

    /** Clears rules whose path equals {@code path} (all when null); returns how many were active. */
    public synchronized int clear(String path) {
        List<FaultRule> cleared = uncleared.stream()
                .filter(r -> path == null || r.spec().path().equals(path)).toList();
        cleared.forEach(FaultRule::release);
        uncleared.removeAll(cleared);
        int wasActive = (int) active.stream().filter(cleared::contains).count();
        active.removeAll(cleared);
        return wasActive;
    }
}
