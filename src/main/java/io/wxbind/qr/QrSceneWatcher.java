package io.wxbind.qr;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Feeds a Server-Sent-Events stream from the scene's row: a short database poll, so the push
 * may land on any node and the page still hears of it at once. Sends {@code status} events on
 * every change and ends the stream after the final one, at expiry (the scene's status becomes
 * {@code expired}, which is final), when the scene is gone, or when the client has gone (a
 * failed write; a comment every {@link #PING_MS} makes sure there is one). Every stream holds a
 * {@link SseStreamLimits.Permit}, released when it ends.
 */
@ApplicationScoped
public class QrSceneWatcher {

    static final long POLL_MS = 400;
    static final long PING_MS = 5_000;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Resource
    ManagedScheduledExecutorService scheduler;

    public void stream(Supplier<QrSceneView> current, StatusStream out, SseStreamLimits.Permit permit) {
        AtomicReference<String> lastSent = new AtomicReference<>();
        AtomicLong lastWrite = new AtomicLong(System.nanoTime());
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable end = () -> {
            out.close();
            permit.release();
            ScheduledFuture<?> t = task.get();
            if (t != null) {
                t.cancel(false);
            }
        };
        try {
            task.set(scheduler.scheduleWithFixedDelay(() -> {
                try {
                    if (out.isClosed()) {
                        end.run();
                        return;
                    }
                    QrSceneView view = current.get();
                    String data = JSON.toJson(view);
                    boolean alive = true;
                    if (!data.equals(lastSent.get())) {
                        alive = out.send("status", data);
                        lastSent.set(data);
                        lastWrite.set(System.nanoTime());
                    } else if (System.nanoTime() - lastWrite.get() > TimeUnit.MILLISECONDS.toNanos(PING_MS)) {
                        alive = out.ping();
                        lastWrite.set(System.nanoTime());
                    }
                    if (!alive || view.isFinal()) {
                        end.run();
                    }
                } catch (RuntimeException e) {
                    end.run(); // the scene vanished (purged), or the stream broke
                }
            }, 0, POLL_MS, TimeUnit.MILLISECONDS));
        } catch (RuntimeException e) {
            end.run(); // the scheduler refused the task (shutting down)
            throw e;
        }
        if (out.isClosed()) {
            end.run(); // closed before the task was known to the first run
        }
    }
}
