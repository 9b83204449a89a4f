package io.wxbind.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent callers of {@code /api/admin/wechat/apps/{appId}/check} (a WeChat server API with
 * the app's token) on several nodes, for a bounded time. Every answer is checked: HTTP 200,
 * {@code ok}, and no token error seen by the app.
 */
public final class CheckLoad implements AutoCloseable {

    /** A caller: one logged-in admin browser on one node. */
    public record Caller(WeChatBrowser browser, String appUrl) {
    }

    private final ExecutorService pool;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong tokenErrors = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    private CheckLoad(List<Caller> callers, List<String> appIds, int threadsPerCaller) {
        pool = Executors.newFixedThreadPool(Math.max(1, callers.size() * threadsPerCaller));
        int i = 0;
        for (Caller c : callers) {
            for (int t = 0; t < threadsPerCaller; t++) {
                String appId = appIds.get(i++ % appIds.size());
                pool.submit(() -> loop(c, appId));
            }
        }
    }

    public static CheckLoad start(List<Caller> callers, List<String> appIds, int threadsPerCaller) {
        return new CheckLoad(callers, appIds, threadsPerCaller);
    }

    private void loop(Caller c, String appId) {
        while (running.get()) {
            once(c, appId);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One checked call; also usable on its own. */
    public void once(Caller c, String appId) {
        try {
            WeChatBrowser.Page p = c.browser().get(c.appUrl() + "api/admin/wechat/apps/" + appId + "/check");
            if (p.status() != 200) {
                failures.add(c.appUrl() + " " + appId + " HTTP " + p.status() + " " + p.body());
                return;
            }
            JsonObject json = Json.createReader(new StringReader(p.body())).readObject();
            if (json.getInt("tokenErrors") > 0) {
                tokenErrors.addAndGet(json.getInt("tokenErrors"));
            }
            if (json.getBoolean("ok")) {
                ok.incrementAndGet();
            } else {
                failures.add(c.appUrl() + " " + appId + " not ok " + p.body());
            }
        } catch (RuntimeException e) {
            failures.add(c.appUrl() + " " + appId + " " + e);
        }
    }

    public long ok() {
        return ok.get();
    }

    public long tokenErrors() {
        return tokenErrors.get();
    }

    public List<String> failures() {
        return new ArrayList<>(failures);
    }

    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }
}
