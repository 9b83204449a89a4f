package io.wxbind.wechat;

/** Shortens identifiers for logs and pages (STYLE §7): enough to correlate, not to reuse. */
public final class LogSafe {

    private LogSafe() {
    }

    public static String shortId(String id) {
        if (id == null) {
            return "-";
        }
        return id.length() <= 8 ? "****" : id.substring(0, 4) + "…" + id.substring(id.length() - 4);
    }
}
