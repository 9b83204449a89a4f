package io.wxbind.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One Payara Micro server running as a child process, with the app (context root {@code /wxbind})
 * and optionally the WeChat simulator ({@code /wechat-sim}), connected to a {@link Database}
 * through {@code server-config/payara/post-boot-commands.asadmin}. Output goes to
 * {@code target/logs/payara-<name>.log}; {@code --rootdir} is {@code target/payara/<name>}.
 * Several nodes may run at once, each under its own name.
 */
public final class PayaraNode implements AppNode {

    static final String APP = "wxbind";
    static final String SIMULATOR = "wechat-sim";
    private static final Logger LOG = Logger.getLogger(PayaraNode.class.getName());
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;
    private final Path rootDir;

    PayaraNode(String name, int port, Process process, Path logFile, Path rootDir) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
        this.rootDir = rootDir;
    }

    /** Describes a node to start; see {@link PayaraNodeBuilder#start()}. */
    public static PayaraNodeBuilder builder(String name) {
        return new PayaraNodeBuilder(name);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** Payara Micro serves MicroProfile Health on the HTTP port. */
    @Override
    public String healthUrl() {
        return baseUrl() + "/health";
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has ended, whoever ended it. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Asks Payara to shut down, kills it (and any descendants) after 10 s; idempotent. */
    public void stop() {
        terminate(false);
    }

    /** Kills the process at once, as a crash would. */
    public void kill() {
        terminate(true);
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "Payara node " + name + " on " + baseUrl() + " (pid " + pid() + ")";
    }

    private void terminate(boolean forcibly) {
        ProcessTree.end(process, forcibly, GRACE);
        deleteTree(rootDir);
        StalePid.forget(rootDir);
        LOG.info(() -> (forcibly ? "Killed " : "Stopped ") + this);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
