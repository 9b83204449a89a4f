package io.wxbind.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The layers of every setting, highest first: MicroProfile Config (system properties, environment,
 * the server's config), then the values the host declared in code ({@link DeclaredSettings}),
 * then the built-in default, which each record's reader holds next to the key. A secret comes
 * from MicroProfile Config only: a declared secret is a problem, and is never used.
 */
final class LayeredSource implements Function<String, Optional<String>> {

    /** The app secrets, per-app token secrets, push tokens and AES keys, the SMS pepper, the state key and the session-key secret. */
    static final Pattern SECRET = Pattern.compile(
            "wechat\\.app-secret|wechat\\.app\\.[^.]+\\.secret|wechat\\.token\\.[^.]+\\.secret|wechat\\.push\\.[^.]+\\.(token|aes-key)|wxbind\\.sms\\.pepper|wxbind\\.state-key|wxbind\\.miniprogram\\.session-key-secret");

    private final Function<String, Optional<String>> mpConfig;
    private final Map<String, String> declared;

    LayeredSource(Function<String, Optional<String>> mpConfig, Map<String, String> declared, List<String> problems) {
        this.mpConfig = mpConfig;
        this.declared = declared;
        for (String key : new TreeSet<>(declared.keySet())) {
            if (SECRET.matcher(key).matches()) {
                problems.add(key + ": a secret is never declared in code; set it in MicroProfile Config (password alias,"
                        + " credential store or environment variable)");
            }
        }
    }

    @Override
    public Optional<String> apply(String key) {
        Optional<String> configured = present(mpConfig.apply(key));
        if (configured.isPresent() || SECRET.matcher(key).matches()) {
            return configured;
        }
        return present(Optional.ofNullable(declared.get(key)));
    }

    private static Optional<String> present(Optional<String> value) {
        return value.filter(v -> !v.isBlank());
    }
}
