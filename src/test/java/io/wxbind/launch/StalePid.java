package io.wxbind.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Remembers each node's pid in {@code target/payara/<name>.pid} ({@code target/wildfly/<name>.pid}).
 * A node left behind by a test JVM that was killed is ended, by that pid and only if it still runs
 * on the same {@code --rootdir} (WildFly: base directory), before its name is used again.
 */
final class StalePid {

    private static final Logger LOG = Logger.getLogger(StalePid.class.getName());

    private StalePid() {
    }

    static void record(Path rootDir, Process process) throws IOException {
        Files.createDirectories(rootDir.getParent());
        Files.writeString(pidFile(rootDir), Long.toString(process.pid()), StandardCharsets.US_ASCII);
    }

    static void forget(Path rootDir) {
        try {
            Files.deleteIfExists(pidFile(rootDir));
        } catch (IOException e) {
            LOG.fine(() -> "Cannot delete " + pidFile(rootDir) + ": " + e);
        }
    }

    static void killPrevious(Path rootDir) {
        Path file = pidFile(rootDir);
        try {
            if (!Files.exists(file)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().arguments().map(args -> Arrays.stream(args).anyMatch(a -> names(a, rootDir)))
                            .orElse(false))
                    .ifPresent(p -> {
                        LOG.warning(() -> "Killing leftover server pid " + pid + " on " + rootDir);
                        p.descendants().forEach(ProcessHandle::destroyForcibly); // the JVM under a start script
                        p.destroyForcibly();
                        p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                    });
            Files.delete(file);
        } catch (IOException | NumberFormatException e) {
            LOG.warning(() -> "Ignoring unreadable " + file + ": " + e);
        }
    }

    /** Payara's {@code --rootdir <dir>}, or WildFly's {@code -Djboss.server.base.dir=<dir>}. */
    private static boolean names(String argument, Path rootDir) {
        return argument.equals(rootDir.toString()) || argument.endsWith("=" + rootDir);
    }

    private static Path pidFile(Path rootDir) {
        return rootDir.resolveSibling(rootDir.getFileName() + ".pid");
    }
}
