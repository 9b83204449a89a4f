/**
 * WxBind's metrics, in Prometheus text at {@code GET /api/admin/metrics} (role {@code admin}),
 * read the same on every server: Micrometer's Prometheus registry ships inside the WAR (and
 * comes with the classes jar), so nothing depends on the server's own metrics subsystem.
 *
 * <pre>
 *  AuditEvent (CDI)        → AuditMetrics      logins, refusals, binds, unbinds, server-token refreshes
 *  WeChatHttp, TokenRefresh, PushDispatcher, WeChatPushServlet, SseStreamLimits, GuessLimiter,
 *  UsedJsCodes             → WxBindMetrics     one static call each (WeChatHttp is no bean)
 *  MetricsResource         → WxBindMetrics.scrape()
 * </pre>
 *
 * Tag values pass {@link io.wxbind.metrics.MetricTags}: a fixed alphabet and a cap on distinct
 * values per tag, so no caller can add unbounded series; no tag ever carries an openid, an
 * account name or an address. Features call in; this package uses only {@code io.wxbind.audit}.
 */
package io.wxbind.metrics;
