package io.wxbind.simulator.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The apps as the simulator serves them right now: the configured {@link SimApp}s with the token
 * settings that tests changed at run time ({@code PUT /control/apps/{appid}/token-settings})
 * applied. Code that issues or checks server tokens reads apps here, not from {@link SimConfig},
 * so a change applies to the next call without a restart. Tokens already issued keep the expiry
 * they were issued with.
 */
public final class SimApps {

    private final SimConfig config;
    private final Map<String, TokenSettings> overrides = new HashMap<>();

    public SimApps(SimConfig config) {
        this.config = config;
    }

    public synchronized Optional<SimApp> app(String appId) {
        return config.app(appId).map(this::effective);
    }

    public synchronized List<SimApp> all() {
        return config.apps().stream().map(this::effective).toList();
    }

    /** Applies {@code patch} and returns the new settings; empty when the app is unknown. */
    public synchronized Optional<TokenSettings> update(String appId, TokenSettingsPatch patch) {
        return app(appId).map(app -> {
            TokenSettings updated = patch.applyTo(TokenSettings.of(app));
            overrides.put(appId, updated);
            return updated;
        });
    }

    /** Back to the configured settings; empty when the app is unknown. */
    public synchronized Optional<TokenSettings> restore(String appId) {
        overrides.remove(appId);
        return config.app(appId).map(TokenSettings::of);
    }

    public synchronized void reset() {
        overrides.clear();
    }

    private SimApp effective(SimApp configured) {
        TokenSettings override = overrides.get(configured.appId());
        return override == null ? configured : configured.withTokenSettings(override);
    }
}
