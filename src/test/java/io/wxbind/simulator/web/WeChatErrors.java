package io.wxbind.simulator.web;

import io.wxbind.simulator.RandomIds;
import java.time.Instant;
import java.util.Map;

/**
 * errcode → the errmsg text WeChat sends (protocol §10), plus the variable
 * {@code , rid: <8hex>-<8hex>-<8hex>} suffix that real responses carry (§0). The first rid group
 * is the Unix time in hex, as in the observed rids; the others are random.
 */
public final class WeChatErrors {

    public static final int SYSTEM_ERROR = -1;

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(-1, "system error"),
            Map.entry(0, "ok"),
            Map.entry(40001, "invalid credential, access_token is invalid or not latest"),
            Map.entry(40002, "invalid grant_type"),
            Map.entry(40003, "invalid openid"),
            Map.entry(40008, "invalid message type"),
            Map.entry(40013, "invalid appid"),
            Map.entry(40014, "invalid access_token"),
            Map.entry(40029, "invalid code"),
            Map.entry(40030, "invalid refresh_token"),
            Map.entry(40053, "invalid action info, please check document"),
            Map.entry(40066, "invalid url"),
            Map.entry(40125, "invalid appsecret"),
            Map.entry(40163, "code been used"),
            Map.entry(40226, "code blocked"),
            Map.entry(41001, "access_token missing"),
            Map.entry(41002, "appid missing"),
            Map.entry(41003, "refresh_token missing"),
            Map.entry(41004, "appsecret missing"),
            Map.entry(41008, "missing code"),
            Map.entry(41009, "missing openid"),
            Map.entry(42001, "access_token expired"),
            Map.entry(42002, "refresh_token expired"),
            Map.entry(42003, "code expired"),
            Map.entry(43001, "require GET method"),
            Map.entry(43002, "require POST method"),
            Map.entry(43004, "require subscribe"),
            Map.entry(44002, "empty post data"),
            Map.entry(44004, "empty content"),
            Map.entry(45009, "reach max api daily quota limit"),
            Map.entry(45011, "api minute-quota reach limit mustslower retry next minute"),
            Map.entry(45015, "response out of time limit or subscription is canceled"),
            Map.entry(45047, "out of response count limit"),
            Map.entry(47001, "data format error"),
            Map.entry(48001, "api unauthorized"),
            Map.entry(50001, "user unauthorized"),
            Map.entry(50002, "user limited"),
            Map.entry(87009, "invalid signature"));

    private WeChatErrors() {
    }

    /** The text before the rid suffix; unknown codes (e.g. injected faults) get a neutral text. */
    public static String baseMessage(int errcode) {
        return MESSAGES.getOrDefault(errcode, "simulated error");
    }

    /** 40164's text names the caller's address in both notations (§4.3). */
    public static String ipNotInWhitelist(String remoteAddress) {
        String v6 = remoteAddress.contains(":") ? remoteAddress : "::ffff:" + remoteAddress;
        return "invalid ip " + remoteAddress + " ipv6 " + v6 + ", not in whitelist";
    }

    /** {@code errmsg} as sent: {@code "ok"} stays bare, everything else gets a rid. */
    public static String errmsg(int errcode, String baseMessage, Instant now) {
        return errcode == 0 ? baseMessage : baseMessage + ", rid: " + rid(now);
    }

    public static String rid(Instant now) {
        return String.format("%08x-%08x-%08x", now.getEpochSecond() & 0xFFFFFFFFL,
                RandomIds.nextInt(), RandomIds.nextInt());
    }
}
