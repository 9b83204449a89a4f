package io.wxbind.simulator.control;

import io.wxbind.simulator.web.SimHost;
import java.util.ArrayList;
import java.util.List;

/**
 * One fault as posted to the control API. {@code path} is relative to the simulator root and
 * must be on a WeChat host; a trailing {@code *} makes it a prefix. Null fields are off;
 * {@code count} null means "until cleared".
 */
public record FaultSpec(String path, Integer latencyMs, Integer errcode, Integer httpStatus, boolean hang,
        Integer count) {

    public static final int MAX_LATENCY_MS = 120_000;

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (path == null || !path.startsWith("/") || !SimHost.of(path).isWeChat()) {
            problems.add("path must start with /api/, /open/ or /mp/");
        }
        if (latencyMs != null && (latencyMs < 0 || latencyMs > MAX_LATENCY_MS)) {
            problems.add("latencyMs must be 0.." + MAX_LATENCY_MS);
        }
        if (httpStatus != null && (httpStatus < 200 || httpStatus > 599)) {
            problems.add("httpStatus must be 200..599");
        }
        if (count != null && count < 1) {
            problems.add("count must be at least 1");
        }
        if (latencyMs == null && errcode == null && httpStatus == null && !hang) {
            problems.add("give at least one of latencyMs, errcode, httpStatus, hang");
        }
        return problems;
    }

    public boolean matches(String requestPath) {
        return path.endsWith("*") ? requestPath.startsWith(path.substring(0, path.length() - 1))
                : requestPath.equals(path);
    }
}
