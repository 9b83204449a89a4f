package io.wxbind.launch;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * One application server running the app as a child process: a {@link PayaraNode} or a
 * {@link WildFlyNode}. What the tests need of a node whatever the server is.
 */
public interface AppNode extends AutoCloseable {

    String name();

    /** The HTTP port of the apps. */
    int port();

    /** {@code http://localhost:<port>}, without a trailing slash. */
    default String baseUrl() {
        return "http://localhost:" + port();
    }

    /** {@link #baseUrl()} + {@code path}, e.g. {@code url("/wxbind/")}. */
    default String url(String path) {
        return baseUrl() + path;
    }

    /**
     * MicroProfile Health's root, e.g. {@code healthUrl() + "/ready"}: on the HTTP port on Payara,
     * on the management port on WildFly.
     */
    String healthUrl();

    /** The server's console log in {@code target/logs/}. */
    Path logFile();

    long pid();

    boolean isAlive();

    /** Completes when the process has ended, whoever ended it. */
    CompletableFuture<Process> onExit();

    /** Asks the server to shut down, kills it (and any descendants) after a grace period; idempotent. */
    void stop();

    /** Kills the process at once, as a crash would. */
    void kill();

    @Override
    default void close() {
        stop();
    }
}
