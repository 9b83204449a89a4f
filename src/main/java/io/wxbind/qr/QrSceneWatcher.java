package io.wxbind.qr;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Feeds a Server-Sent-Events stream from the scene's row: a short database poll, so the push
 * may land on any node and the page still hears of it at once. Sends {@code status} events on
 * every change and closes after the final one (or expiry).
 */
@ApplicationScoped
public class QrSceneWatcher {

    static final long POLL_MS = 400;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    public void stream(Supplier<QrSceneView> current, SseEventSink sink, Sse sse) {
        AtomicReference<String> lastSent = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(scheduler.scheduleWithFixedDelay(() -> {
            try {
                QrSceneView view = current.get();
                String data = JSON.toJson(view);
                if (!data.equals(lastSent.get())) {
                    sink.send(sse.newEventBuilder().name("status").data(data).build()).toCompletableFuture().join();
                    lastSent.set(data);
                }
                if (view.isFinal() || sink.isClosed()) {
                    sink.close();
                    task.get().cancel(false);
                }
            } catch (RuntimeException e) {
                sink.close(); // the client went away, or the scene vanished
                ScheduledFuture<?> t = task.get();
                if (t != null) {
                    t.cancel(false);
                }
            }
        }, 0, POLL_MS, TimeUnit.MILLISECONDS));
    }
}
