package io.wxbind.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Waits until a starting node answers on every probe URL, and fails fast, with the end of its
 * log, when the process dies, the log shows a failed boot command or deployment, or time runs out.
 * A probe counts as answered by any HTTP status except 404 and 503 (not deployed / not started),
 * so a login redirect or a 401 is fine.
 */
final class Readiness {

    static final int LOG_LINES_ON_FAILURE = 60;
    // HTTP/1.1: java.net.http's default h2c upgrade gets 431 / RST_STREAM from Payara's Grizzly
    // on some requests, so no client of the launcher should rely on it.
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Readiness() {
    }

    static void await(Process process, BootLog log, List<URI> probes, Collection<String> apps, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<URI> waiting = new ArrayList<>(probes);
        while (true) {
            if (!process.isAlive()) {
                throw failure("the server exited with code " + process.exitValue(), log);
            }
            Optional<String> problem = log.bootProblem(apps);
            if (problem.isPresent()) {
                throw failure(problem.get(), log);
            }
            waiting.removeIf(Readiness::answers);
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw failure("no answer within " + timeout.toSeconds() + " s from " + waiting, log);
            }
            sleep(500);
        }
    }

    /** True for any HTTP status but 404 and 503. */
    static boolean answers(URI uri) {
        int status = status(uri);
        return status > 0 && status != 404 && status != 503;
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    static int status(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + uri, e);
        }
    }

    private static IllegalStateException failure(String reason, BootLog log) {
        return new IllegalStateException(reason + "\n----- last " + LOG_LINES_ON_FAILURE + " lines of "
                + log.file() + " -----\n" + log.tail(LOG_LINES_ON_FAILURE) + "\n-----");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the server", e);
        }
    }
}
