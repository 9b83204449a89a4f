package io.wxbind.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The counters an audit event moves, read back from the Prometheus text (the registry is shared: deltas only). */
class AuditMetricsTest {

    static double sample(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double sample(String series) {
        return sample(WxBindMetrics.scrape(), series);
    }

    @Test
    void loginWhenAuditedThenCountedByMethodAndOutcomeWithoutAccountOrOpenId() {
        String series = "wxbind_logins_total{method=\"wechat_bind_password\",outcome=\"success\"}";
        double before = sample(series);
        AuditMetrics.count(AuditEvent.of(AuditKind.LOGIN, "secret-account-name").withWeChat("wxapp1", "o6_bmj…fL2M")
                .withMethod("WECHAT_BIND_PASSWORD"));
        String text = WxBindMetrics.scrape();
        assertEquals(before + 1, sample(text, series), text);
        assertFalse(text.contains("secret-account-name") || text.contains("o6_bmj"), text);
        assertTrue(text.contains("# TYPE wxbind_logins_total counter"), text);
    }

    @Test
    void refusalWhenAuditedThenLoginRefusedAndReasonCounted() {
        String login = "wxbind_logins_total{method=\"none\",outcome=\"refused\"}";
        String reason = "wxbind_refusals_total{reason=\"state_mismatch\"}";
        double loginBefore = sample(login);
        double reasonBefore = sample(reason);
        AuditMetrics.count(AuditEvent.of(AuditKind.REFUSED, null).withReason("state_mismatch"));
        assertEquals(loginBefore + 1, sample(login));
        assertEquals(reasonBefore + 1, sample(reason));
    }

    @Test
    void bindUnbindRegistrationAndServerTokenWhenAuditedThenEachCounted() {
        String[] series = {"wxbind_binds_total", "wxbind_unbinds_total", "wxbind_registrations_total",
            "wxbind_server_token_refreshes_total{app=\"wxapp1\",endpoint=\"stable\",trigger=\"scheduled\"}",
            "wxbind_audit_events_total{kind=\"bound\"}"};
        double[] before = new double[series.length];
        for (int i = 0; i < series.length; i++) {
            before[i] = sample(series[i]);
        }
        AuditMetrics.count(AuditEvent.of(AuditKind.BOUND, "a"));
        AuditMetrics.count(AuditEvent.of(AuditKind.UNBOUND, "a"));
        AuditMetrics.count(AuditEvent.of(AuditKind.FIRST_LOGIN, "a"));
        AuditMetrics.count(AuditEvent.of(AuditKind.SERVER_TOKEN_REFRESHED, null).withWeChat("wxapp1", null).withMethod("STABLE")
                .withReason("scheduled"));
        String text = WxBindMetrics.scrape();
        for (int i = 0; i < series.length; i++) {
            assertEquals(before[i] + 1, sample(text, series[i]), series[i] + " in\n" + text);
        }
    }

    @Test
    void hooksWhenCalledThenTheirSeriesMove() {
        String call = "wxbind_wechat_calls_seconds_count{errcode=\"40029\",path=\"/sns/oauth2/access_token\"}";
        String bucket = "wxbind_wechat_calls_seconds_bucket{errcode=\"40029\",path=\"/sns/oauth2/access_token\",le=\"0.05\"}";
        String push = "wxbind_push_messages_total{type=\"text_message\"}";
        String throttle = "wxbind_throttle_hits_total{limit=\"guess_account\"}";
        double callBefore = sample(call);
        double bucketBefore = sample(bucket);
        double pushBefore = sample(push);
        double throttleBefore = sample(throttle);
        WxBindMetrics.wechatCall("/sns/oauth2/access_token", "40029", 30_000_000L);
        WxBindMetrics.pushReceived("TextMessageEvent");
        WxBindMetrics.throttled("guess_ACCOUNT");
        String text = WxBindMetrics.scrape();
        assertEquals(callBefore + 1, sample(text, call), text);
        assertEquals(bucketBefore + 1, sample(text, bucket), "30 ms lands in the 50 ms bucket: " + text);
        assertEquals(pushBefore + 1, sample(text, push), text);
        assertEquals(throttleBefore + 1, sample(text, throttle), text);
    }

    @Test
    void sseWhenOpenedAndClosedThenGaugeFollows() {
        String gauge = "wxbind_qr_sse_streams_open";
        double before = sample(gauge);
        WxBindMetrics.sseOpened();
        WxBindMetrics.sseOpened();
        assertEquals(before + 2, sample(gauge));
        WxBindMetrics.sseClosed();
        WxBindMetrics.sseClosed();
        assertEquals(before, sample(gauge));
    }
}
