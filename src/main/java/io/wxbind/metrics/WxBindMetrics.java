package io.wxbind.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WxBind's meters, one static entry per thing counted, so that a hook is one line and works in
 * classes that are no beans ({@code WeChatHttp}) or are built by hand in unit tests. The registry
 * is per class loader, that is per deployment: two WARs on one server count apart. Created on the
 * first count or scrape, never at deployment. Names and tags: the README, "Operations → Metrics".
 */
public final class WxBindMetrics {

    /** Latency buckets for WeChat calls: WeChat normally answers in tens of milliseconds; the client times out at seconds. */
    private static final Duration[] WECHAT_BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static final MetricTags TAGS = new MetricTags();
    /** Held here: Micrometer keeps only a weak reference to a gauge's object. */
    private static final AtomicInteger SSE_OPEN = REGISTRY.gauge("wxbind.qr.sse.streams.open", new AtomicInteger());

    private WxBindMetrics() {
    }

    /** A login attempt that ended: {@code outcome} success, refused or conflict. */
    public static void login(String method, String outcome) {
        count("wxbind.logins", "method", method, "outcome", outcome);
    }

    /** A refused attempt (any kind: login, bind, QR, CSRF, ...) by its stable reason code. */
    public static void refused(String reason) {
        count("wxbind.refusals", "reason", reason);
    }

    public static void bound() {
        count("wxbind.binds");
    }

    public static void unbound() {
        count("wxbind.unbinds");
    }

    /** An account created at first login (policy register). */
    public static void registered() {
        count("wxbind.registrations");
    }

    /** Any audit event, by kind: the totals behind the specific counters. */
    public static void audited(String kind) {
        count("wxbind.audit.events", "kind", kind);
    }

    /** A server access token refreshed: {@code trigger} scheduled, rejected or forced. */
    public static void serverTokenRefreshed(String appId, String endpoint, String trigger) {
        count("wxbind.server.token.refreshes", "app", appId, "endpoint", endpoint, "trigger", trigger);
    }

    /** A refresh that failed: {@code error} the errcode, or {@code unavailable}. */
    public static void serverTokenFailed(String appId, String error) {
        count("wxbind.server.token.failures", "app", appId, "error", error);
    }

    /**
     * One exchange with WeChat's API host.
     *
     * @param path    the API path (no query: it carries secrets)
     * @param errcode {@code 0}, WeChat's errcode, or {@code unavailable} (timeout, IO, non-200, not JSON)
     */
    public static void wechatCall(String path, String errcode, long nanos) {
        Timer.builder("wxbind.wechat.calls").description("Calls to WeChat's API host, by path and errcode")
                .tags("path", TAGS.value("path", path), "errcode", TAGS.value("errcode", errcode))
                .serviceLevelObjectives(WECHAT_BUCKETS).register(REGISTRY).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A new (not duplicate) push from WeChat, by the simple name of its event class. */
    public static void pushReceived(String eventClass) {
        count("wxbind.push.messages", "type", MetricTags.pushType(eventClass));
    }

    /** A push refused before handling, by the HTTP status it got. */
    public static void pushRefused(int status) {
        count("wxbind.push.refusals", "status", Integer.toString(status));
    }

    public static void sseOpened() {
        SSE_OPEN.incrementAndGet();
    }

    public static void sseClosed() {
        SSE_OPEN.decrementAndGet();
    }

    /** A request stopped by a throttle, by the limit's name. */
    public static void throttled(String limit) {
        count("wxbind.throttle.hits", "limit", limit);
    }

    /** Every meter in Prometheus text format 0.0.4. */
    static String scrape() {
        return REGISTRY.scrape();
    }

    /** Tags come in key, value pairs; values pass {@link MetricTags}. */
    private static void count(String name, String... keyValues) {
        String[] safe = keyValues.clone();
        for (int i = 1; i < safe.length; i += 2) {
            safe[i] = TAGS.value(safe[i - 1], safe[i]);
        }
        Counter.builder(name).tags(safe).register(REGISTRY).increment();
    }
}
