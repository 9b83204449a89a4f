package io.wxbind.simulator.push;

import io.wxbind.simulator.config.PushMode;
import java.time.Duration;

/**
 * Where and how one push goes: the developer server's URL, the mode, the app's push token and
 * AES key (never shown by the control API), the appid that closes every encrypted text, and how
 * long WeChat waits for an answer (5 s, protocol §6.3). {@code source} says where the URL came
 * from: {@code config}, {@code default} (the app beside the simulator) or {@code override}.
 */
public record PushTarget(String url, PushMode mode, String token, String aesKey, String appId, Duration timeout,
        String source) {

    public static final Duration WECHAT_TIMEOUT = Duration.ofSeconds(5);

    /** The crypto for the encrypted modes; null in plain mode. */
    public PushCrypto crypto() {
        return mode.encrypted() ? new PushCrypto(aesKey, appId) : null;
    }

    @Override
    public String toString() {
        return "PushTarget[url=" + url + ", mode=" + mode.key() + ", timeout=" + timeout + "]";
    }
}
