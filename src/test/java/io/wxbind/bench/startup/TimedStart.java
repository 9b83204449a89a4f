package io.wxbind.bench.startup;

import io.wxbind.launch.PayaraNode;
import io.wxbind.launch.PayaraNodeBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One measured start: the wall time from just before the Payara Micro process is spawned to the
 * first HTTP 200 on one path, polled every {@value #POLL_MILLIS} ms; then the process is stopped
 * and its exit awaited, so the next start does not compete with it for the two cores.
 * Any other status (connection refused, 404 before the deployment, 503) means "not yet".
 * The CPU time the process used until then is kept too: on a shared machine it moves much less
 * than the wall time, so it tells whether a slow round was the app's doing or the neighbours'.
 */
final class TimedStart {

    /** Wall seconds from spawn to the first 200, and the CPU seconds Payara used until then. */
    record Result(double seconds, double cpuSeconds) {
    }

    static final int POLL_MILLIS = 25;
    private static final Duration TIMEOUT = Duration.ofSeconds(240);
    /** After Payara says it is ready, the WAR is deployed: no 200 soon after means it failed. */
    private static final Duration AFTER_BOOT = Duration.ofSeconds(15);
    private static final String BOOTED = "ready in";

    private TimedStart() {
    }

    /** Times one start until the first 200 on {@code path}, e.g. {@code /wxbind/api/ping}. */
    static Result untilFirstOk(PayaraNodeBuilder builder, String path) {
        // A fresh client per start: no pooled connection to the previous process on the same port.
        // HTTP/1.1: Payara's Grizzly mishandles the JDK client's h2c upgrade (see launch.Readiness).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
        long spawned = System.nanoTime();
        PayaraNode node = builder.spawn();
        try {
            URI uri = URI.create(node.url(path));
            long bootedAt = 0;
            for (int polls = 0; ; polls++) {
                if (status(http, uri) == 200) {
                    double seconds = (System.nanoTime() - spawned) / 1e9;
                    return new Result(seconds, cpuSeconds(node));
                }
                long now = System.nanoTime();
                if (!node.isAlive()) {
                    throw failure("Payara Micro exited before " + path + " answered 200", node);
                }
                if (now - spawned > TIMEOUT.toNanos()) {
                    throw failure("no 200 from " + path + " within " + TIMEOUT.toSeconds() + " s", node);
                }
                if (bootedAt == 0 && polls % 40 == 0 && log(node).contains(BOOTED)) {
                    bootedAt = now;
                }
                if (bootedAt != 0 && now - bootedAt > AFTER_BOOT.toNanos()) {
                    throw failure("Payara Micro booted but " + path + " never answered 200", node);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while timing " + node, e);
        } finally {
            node.stop();
        }
    }

    /** NaN where the OS does not tell (then the CPU line of the report shows NaN). */
    private static double cpuSeconds(PayaraNode node) {
        return ProcessHandle.of(node.pid()).flatMap(p -> p.info().totalCpuDuration())
                .map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static int status(HttpClient http, URI uri) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static IllegalStateException failure(String reason, PayaraNode node) {
        List<String> lines = log(node).lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        return new IllegalStateException(reason + "\n----- end of " + node.logFile() + " -----\n" + tail);
    }

    private static String log(PayaraNode node) {
        Path file = node.logFile();
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
