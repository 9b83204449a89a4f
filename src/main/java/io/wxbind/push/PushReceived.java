package io.wxbind.push;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fired synchronously (CDI {@code Event<PushReceived>}) once per distinct push, inside the
 * transaction that records the message as processed: an observer's database work commits or
 * rolls back with it (a failure makes WeChat retry, and the retry is processed again).
 *
 * <p>An observer may answer with a passive text reply (protocol §6.4); the first one set wins,
 * and a WeChat retry of the same message gets the same reply. Observers must be quick (a few
 * database statements): WeChat gives up after 5 s. Slow work goes to {@code fireAsync} or a
 * {@code ManagedExecutorService}, or observe the {@link WeChatPushEvent} asynchronously.
 */
public final class PushReceived {

    private final WeChatPushEvent event;
    private final AtomicReference<String> reply = new AtomicReference<>();

    public PushReceived(WeChatPushEvent event) {
        this.event = Objects.requireNonNull(event, "event");
    }

    public WeChatPushEvent event() {
        return event;
    }

    /** Answers the person with this text (newlines are shown); ignored if a reply was already set. */
    public void replyText(String text) {
        Objects.requireNonNull(text, "text");
        reply.compareAndSet(null, text);
    }

    public Optional<String> reply() {
        return Optional.ofNullable(reply.get());
    }

    @Override
    public String toString() {
        return "PushReceived[" + event.getClass().getSimpleName() + ", reply=" + (reply.get() != null) + "]";
    }
}
