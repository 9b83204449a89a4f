package io.wxbind.launch;

import java.util.Map;
import java.util.TreeMap;

/**
 * A node's MicroProfile Config values, whatever the server: secret-looking keys become environment
 * variables (MicroProfile Config's names, {@code WECHAT_APP_SECRET}), so that they show neither in
 * {@code ps} nor in a file; the rest become system properties.
 */
final class NodeSettings {

    private final Map<String, String> systemProperties = new TreeMap<>();
    private final Map<String, String> environment = new TreeMap<>();

    void config(String key, String value) {
        if (PayaraCommand.isSecret(key)) {
            environment.put(PayaraCommand.envName(key), value);
        } else {
            systemProperties.put(key, value);
        }
    }

    void env(String variable, String value) {
        environment.put(variable, value);
    }

    Map<String, String> systemProperties() {
        return systemProperties;
    }

    Map<String, String> environment() {
        return environment;
    }
}
