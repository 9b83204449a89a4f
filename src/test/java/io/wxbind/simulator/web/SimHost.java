package io.wxbind.simulator.web;

import jakarta.ws.rs.core.UriInfo;

/**
 * Which simulated host a path belongs to. Each host answers errors in its own shape: JSON
 * errcodes on {@code /api}, HTML error pages on {@code /open}, plain statuses on {@code /mp},
 * JSON {@code {"error","message"}} on {@code /control}, HTML on the simulator's own pages.
 */
public enum SimHost {
    OPEN, API, MP, CONTROL, SIM;

    /** Path relative to the simulator context root, always starting with "/" (no query). */
    public static String pathOf(UriInfo uriInfo) {
        String path = uriInfo.getPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    public static SimHost of(String path) {
        if (is(path, "/open")) {
            return OPEN;
        } else if (is(path, "/api")) {
            return API;
        } else if (is(path, "/mp")) {
            return MP;
        } else if (is(path, "/control")) {
            return CONTROL;
        }
        return SIM;
    }

    /** The three hosts that mirror WeChat: only their calls are counted and faulted. */
    public boolean isWeChat() {
        return this == OPEN || this == API || this == MP;
    }

    private static boolean is(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
