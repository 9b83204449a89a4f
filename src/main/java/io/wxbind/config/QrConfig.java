package io.wxbind.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * QR codes confirmed on the phone ({@code io.wxbind.qr}).
 *
 * @param ttl              lifetime of a QR code ({@code wechat.qr.ttl-seconds}, 300; 60..2592000, WeChat's limit
 *                         for temporary codes)
 * @param confirmTtl       how long a scanner has to open the confirm link and answer ({@code wechat.qr.confirm-seconds},
 *                         180; 30..900: the link is a one-time key)
 * @param loginPerIp       login codes one client address may create in 10 minutes ({@code wechat.qr.login-per-ip}, 30)
 * @param bindPerAccount   bind codes one account may create in 10 minutes ({@code wechat.qr.bind-per-account}, 5)
 * @param freshLoginWindow how recent a login must be to create a bind code ({@code wechat.qr.bind-fresh-login-seconds}, 300)
 * @param ssePerBrowser    status streams (SSE) one browser may hold open on a node ({@code wechat.qr.sse-per-browser}, 4)
 * @param ssePerNode       status streams one node holds open at most ({@code wechat.qr.sse-per-node}, 500; at least
 *                         the per-browser cap)
 */
public record QrConfig(Duration ttl, Duration confirmTtl, int loginPerIp, int bindPerAccount, Duration freshLoginWindow,
        int ssePerBrowser, int ssePerNode) {

    /** Pure mapping from raw values; every problem goes to {@code problems}. */
    public static QrConfig read(Function<String, Optional<String>> source, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        Duration ttl = r.duration("wechat.qr.ttl-seconds", 300, 60, 2_592_000);
        Duration confirm = r.duration("wechat.qr.confirm-seconds", 180, 30, 900);
        long perIp = r.whole("wechat.qr.login-per-ip", 30, 1, 100_000);
        long perAccount = r.whole("wechat.qr.bind-per-account", 5, 1, 1000);
        Duration fresh = r.duration("wechat.qr.bind-fresh-login-seconds", 300, 1, 86_400);
        long perBrowser = r.whole("wechat.qr.sse-per-browser", 4, 1, 1000);
        long perNode = r.whole("wechat.qr.sse-per-node", 500, 1, 100_000);
        if (perNode < perBrowser) {
            problems.add("wechat.qr.sse-per-node: must be at least wechat.qr.sse-per-browser (" + perBrowser + "), was " + perNode);
        }
        return new QrConfig(ttl, confirm, (int) perIp, (int) perAccount, fresh, (int) perBrowser, (int) perNode);
    }
}
