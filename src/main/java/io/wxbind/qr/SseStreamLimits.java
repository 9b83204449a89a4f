package io.wxbind.qr;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
                perBrowser.computeIfPresent(key, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
            }
        }
    }

    @Inject
    @ConfigProperty(name = "wechat.qr.sse-per-browser", defaultValue = "4")
    int maxPerBrowser;

    @Inject
    @ConfigProperty(name = "wechat.qr.sse-per-node", defaultValue = "500")
    int maxPerNode;

    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perBrowser = new ConcurrentHashMap<>();

    @PostConstruct
    void validate() {
        if (maxPerBrowser < 1 || maxPerNode < maxPerBrowser) {
            throw new IllegalStateException("wechat.qr.sse-per-browser must be at least 1 and wechat.qr.sse-per-node at least as"
                    + " large, not " + maxPerBrowser + " and " + maxPerNode);
        }
    }

    /** Creates this bean while the application deploys, so that {@link #validate} runs then. */
    void eager(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // the instance is all that was needed
    }

    /** A permit for one more stream of {@code browserKey}, or why not. */
    public Admission acquire(String browserKey) {
        if (open.incrementAndGet() > maxPerNode) {
            open.decrementAndGet();
            return new Refusal("too_many_streams", "The server is following too many QR codes right now; "
                    + "the page checks by polling instead.");
        }
        AtomicBoolean admitted = new AtomicBoolean();
        perBrowser.compute(browserKey, (k, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < maxPerBrowser) {
                count.incrementAndGet();
                admitted.set(true);
            }
            return count.get() == 0 ? null : count;
        });
        if (!admitted.get()) {
            open.decrementAndGet();
            return new Refusal("too_many_streams", "This browser already follows " + maxPerBrowser
                    + " QR codes; close other tabs of this page.");
        }
        return new Permit(browserKey);
    }

    /** Streams open on this node now (for tests and health). */
    public int open() {
        return open.get();
    }
}
