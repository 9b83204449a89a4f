package io.wxbind.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * One WildFly server running as a child process ({@code standalone.sh} on its own
 * {@code jboss.server.base.dir}, {@code target/wildfly/<name>}), configured by
 * {@code server-config/wildfly/wxbind-datasource.cli}, with the app at {@code /wxbind} and
 * optionally the simulator at {@code /wechat-sim} and further WARs. Console output goes to
 * {@code target/logs/wildfly-<name>.log}, the CLI's to {@code wildfly-<name>-cli.log}.
 */
public final class WildFlyNode implements AppNode {

    private static final Logger LOG = Logger.getLogger(WildFlyNode.class.getName());
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path logFile;
    private final Path baseDir;

    WildFlyNode(String name, int port, int managementPort, Process process, Path logFile, Path baseDir) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.logFile = logFile;
        this.baseDir = baseDir;
    }

    /** Describes a node to start; see {@link WildFlyNodeBuilder#start()}. */
    public static WildFlyNodeBuilder builder(String name) {
        return new WildFlyNodeBuilder(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return port;
    }

    /** The management interface (127.0.0.1), where WildFly serves MicroProfile Health. */
    public int managementPort() {
        return managementPort;
    }

    @Override
    public String healthUrl() {
        return "http://localhost:" + managementPort + "/health";
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    @Override
    public void stop() {
        terminate(false);
    }

    @Override
    public void kill() {
        terminate(true);
    }

    @Override
    public String toString() {
        return "WildFly node " + name + " on " + baseUrl() + " (pid " + pid() + ")";
    }

    private void terminate(boolean forcibly) {
        ProcessTree.end(process, forcibly, GRACE);
        PayaraNode.deleteTree(baseDir);
        StalePid.forget(baseDir);
        LOG.info(() -> (forcibly ? "Killed " : "Stopped ") + this);
    }
}
