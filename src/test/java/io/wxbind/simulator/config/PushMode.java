package io.wxbind.simulator.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * How WeChat pushes messages to an official account's server (protocol §6–§7): {@code plain}
 * (XML as is, {@code signature} only), {@code compatible} (plaintext fields plus {@code <Encrypt>},
 * {@code encrypt_type=aes} and {@code msg_signature}) or {@code aes} (safe mode: only
 * {@code <ToUserName>} and {@code <Encrypt>}). The two encrypted modes need the app's AES key.
 */
public enum PushMode {
    PLAIN("plain"),
    COMPATIBLE("compatible"),
    AES("aes");

    private final String key;

    PushMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean encrypted() {
        return this != PLAIN;
    }

    public static Optional<PushMode> fromKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
