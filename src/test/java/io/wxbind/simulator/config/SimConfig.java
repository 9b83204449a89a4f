package io.wxbind.simulator.config;

import io.wxbind.simulator.people.SimPerson;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The simulator's immutable configuration: apps by appid, the configured people and the secret
 * that keys openid/unionid derivation. Loaded once at deployment ({@link #load()}); bad values
 * fail the deployment with every problem listed.
 */
public final class SimConfig {

    public static final String SYSTEM_PROPERTY = "wechat.sim.config";
    public static final String ENV_VARIABLE = "WECHAT_SIM_CONFIG";

    private final Map<String, SimApp> apps = new LinkedHashMap<>();
    private final List<SimPerson> people;
    private final byte[] idSecret;
    private final String source;

    public SimConfig(Collection<SimApp> apps, List<SimPerson> people, String idSecret, String source) {
        apps.forEach(app -> this.apps.put(app.appId(), app));
        this.people = List.copyOf(people);
        this.idSecret = idSecret.getBytes(StandardCharsets.UTF_8);
        this.source = source;
    }

    public static SimConfig defaults() {
        return new SimConfig(SimDefaults.apps(), SimDefaults.people(), SimDefaults.ID_SECRET,
                "built-in defaults");
    }

    /** From {@code -Dwechat.sim.config=FILE}, else env {@code WECHAT_SIM_CONFIG}, else defaults. */
    public static SimConfig load() {
        String file = System.getProperty(SYSTEM_PROPERTY);
        if (file == null || file.isBlank()) {
            file = System.getenv(ENV_VARIABLE);
        }
        if (file == null || file.isBlank()) {
            return defaults();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("WeChat simulator: cannot read config file " + file, e);
        }
        return SimConfigParser.parse(properties, file);
    }

    public Optional<SimApp> app(String appId) {
        return appId == null ? Optional.empty() : Optional.ofNullable(apps.get(appId));
    }

    public Collection<SimApp> apps() {
        return apps.values();
    }

    public List<SimPerson> people() {
        return people;
    }

    public byte[] idSecret() {
        return idSecret.clone();
    }

    public String source() {
        return source;
    }
}
