package io.wxbind.qr;

import io.wxbind.config.QrConfig;
import io.wxbind.metrics.WxBindMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the open status streams of this node ({@code wechat.qr.sse-per-node}) and of one browser
 * on it ({@code wechat.qr.sse-per-browser}): each stream holds a connection and polls PostgreSQL,
 * and the QR login page needs no login. Node-local on purpose: the streams it counts are this
 * node's. A refused page falls back to polling its status URL.
 */
@ApplicationScoped
public class SseStreamLimits {

    /** The answer to {@link #acquire}. */
    public sealed interface Admission permits Permit, Refusal {
    }

    /** Why a stream was refused: a stable code and words for the page. */
    public record Refusal(String error, String message) implements Admission {
    }

    /** One admitted stream; {@link #release} (idempotent) when it ends. */
    public final class Permit implements Admission {
        private final String key;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(String key) {
            this.key = key;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
                WxBindMetrics.sseClosed();
                perBrowser.computeIfPresent(key, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
            }
        }
    }

    @Inject
    QrConfig settings;

    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perBrowser = new ConcurrentHashMap<>();

    /** A permit for one more stream of {@code browserKey}, or why not. */
    public Admission acquire(String browserKey) {
        if (open.incrementAndGet() > settings.ssePerNode()) {
            open.decrementAndGet();
            WxBindMetrics.throttled("qr_sse_per_node");
            return new Refusal("too_many_streams", "The server is following too many QR codes right now; "
                    + "the page checks by polling instead.");
        }
        AtomicBoolean admitted = new AtomicBoolean();
        perBrowser.compute(browserKey, (k, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < settings.ssePerBrowser()) {
                count.incrementAndGet();
                admitted.set(true);
            }
            return count.get() == 0 ? null : count;
        });
        if (!admitted.get()) {
            open.decrementAndGet();
            WxBindMetrics.throttled("qr_sse_per_browser");
            return new Refusal("too_many_streams", "This browser already follows " + settings.ssePerBrowser()
                    + " QR codes; close other tabs of this page.");
        }
        WxBindMetrics.sseOpened();
        return new Permit(browserKey);
    }

    /** Streams open on this node now (for tests and health). */
    public int open() {
        return open.get();
    }
}
