package io.wxbind.launch;

import io.wxbind.launch.WildFlyCommand.WildFlyPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * What a {@link WildFlyNode} runs: its database, HTTP port, MicroProfile Config values and
 * secrets, the simulator, and any further WARs (a sample portal, say). {@link #start()} copies
 * WildFly's {@code standalone/configuration}, runs the CLI script on it offline, puts the WARs in
 * {@code deployments/}, starts the server and blocks until every WAR answers.
 */
public final class WildFlyNodeBuilder {

    private static final Logger LOG = Logger.getLogger(WildFlyNodeBuilder.class.getName());

    /** One WAR in {@code deployments/<contextRoot>.war}; ready when {@code /contextRoot + probePath} answers. */
    private record War(Path file, String contextRoot, String probePath) {
    }

    private final String name;
    private final NodeSettings settings = new NodeSettings();
    private final Map<String, War> extraWars = new LinkedHashMap<>();
    private LaunchPaths paths = LaunchPaths.fromSystemProperties();
    private Database database;
    private int port;
    private boolean simulator;
    private War app;
    private String maxHeap = "512m";
    private Duration readyTimeout = Duration.ofSeconds(180);

    WildFlyNodeBuilder(String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]{0,15}")) {
            throw new IllegalArgumentException("Node names are [a-z0-9-], at most 16 (the transaction node id): " + name);
        }
        this.name = name;
    }

    public WildFlyNodeBuilder database(Database database) {
        this.database = database;
        return this;
    }

    /** 0 (the default) picks a free port. */
    public WildFlyNodeBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** Also deploys the WeChat simulator as {@code wechat-sim.war} ({@code /wechat-sim}). */
    public WildFlyNodeBuilder withSimulator(boolean simulator) {
        this.simulator = simulator;
        return this;
    }

    /** Deploys {@code war} at {@code /contextRoot} in place of the app's WAR, as {@link PayaraNodeBuilder#deploy} does. */
    public WildFlyNodeBuilder deploy(Path war, String contextRoot, String probePath) {
        this.app = new War(Objects.requireNonNull(war, "war"), Objects.requireNonNull(contextRoot, "contextRoot"),
                Objects.requireNonNull(probePath, "probePath"));
        return this;
    }

    /** Deploys {@code war} at {@code /contextRoot} beside the app (e.g. a sample portal with the classes jar). */
    public WildFlyNodeBuilder alsoDeploy(Path war, String contextRoot, String probePath) {
        extraWars.put(contextRoot, new War(Objects.requireNonNull(war, "war"), contextRoot, Objects.requireNonNull(probePath)));
        return this;
    }

    /** A MicroProfile Config value; secret-looking keys go to the environment instead of the settings file. */
    public WildFlyNodeBuilder config(String key, String value) {
        settings.config(key, value);
        return this;
    }

    public WildFlyNodeBuilder config(Map<String, String> values) {
        values.forEach(this::config);
        return this;
    }

    /** An environment variable for the node, e.g. a secret under its own name. */
    public WildFlyNodeBuilder env(String variable, String value) {
        settings.env(variable, value);
        return this;
    }

    public WildFlyNodeBuilder maxHeap(String maxHeap) {
        this.maxHeap = maxHeap;
        return this;
    }

    public WildFlyNodeBuilder readyTimeout(Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
        return this;
    }

    public WildFlyNodeBuilder paths(LaunchPaths paths) {
        this.paths = paths;
        return this;
    }

    /** Configures and starts the server and waits until every WAR answers. */
    public WildFlyNode start() {
        Objects.requireNonNull(database, "database");
        long started = System.nanoTime();
        WildFlyPorts ports = new WildFlyPorts(port > 0 ? Ports.requireFree(port) : Ports.free(), Ports.free(), Ports.free());
        List<War> wars = wars();
        Path baseDir = paths.wildflyBaseDir(name);
        Path logFile = paths.wildflyLogFile(name);
        StalePid.killPrevious(baseDir);
        prepare(baseDir, logFile, wars);
        long configured = System.nanoTime();
        Process process = launch(baseDir, logFile, ports);
        WildFlyNode node = new WildFlyNode(name, ports.http(), ports.management(), process, logFile, baseDir);
        List<URI> probes = new ArrayList<>();
        wars.forEach(w -> probes.add(URI.create(node.url("/" + w.contextRoot() + w.probePath()))));
        try {
            Readiness.await(process, new WildFlyLog(logFile), probes, wars.stream().map(War::contextRoot).toList(), readyTimeout);
        } catch (RuntimeException e) {
            node.kill();
            throw e;
        }
        LOG.info(() -> node + " ready in " + Database.millisSince(started) + " ms (CLI "
                + (configured - started) / 1_000_000 + " ms), log " + logFile);
        return node;
    }

    private List<War> wars() {
        List<War> wars = new ArrayList<>();
        wars.add(app != null ? app : new War(paths.appWar(), PayaraNode.APP, "/"));
        if (simulator) {
            wars.add(new War(paths.simulatorWar(), PayaraNode.SIMULATOR, "/control/people"));
        }
        wars.addAll(extraWars.values());
        return wars;
    }

    /** A fresh base directory: WildFly's configuration, the CLI script applied, the WARs. */
    private void prepare(Path baseDir, Path logFile, List<War> wars) {
        PayaraNode.deleteTree(baseDir);
        try {
            Files.createDirectories(logFile.getParent());
            Path configuration = paths.wildflyHome().resolve("standalone").resolve("configuration");
            try (var files = Files.list(configuration)) {
                Files.createDirectories(baseDir.resolve("configuration"));
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, baseDir.resolve("configuration").resolve(f.getFileName()));
                }
            }
            WildFlyCommand.configure(paths, baseDir, logFile.resolveSibling("wildfly-" + name + "-cli.log"));
            Path deployments = Files.createDirectories(baseDir.resolve("deployments"));
            for (War w : wars) {
                Files.copy(w.file(), deployments.resolve(w.contextRoot() + ".war"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare WildFly node " + name + " in " + baseDir, e);
        }
    }

    private Process launch(Path baseDir, Path logFile, WildFlyPorts ports) {
        Path home = paths.wildflyHome();
        Path file = WildFlyCommand.writeSettings(baseDir.resolve("wxbind.properties"), settings.systemProperties());
        ProcessBuilder pb = new ProcessBuilder(WildFlyCommand.commandLine(home, baseDir, ports, "wxbind-" + name, file));
        WildFlyCommand.javaEnvironment(pb.environment(), home, WildFlyCommand.serverJavaOpts(maxHeap));
        WildFlyCommand.environment(pb.environment(), database, settings.environment());
        try {
            Process process = pb.redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            StalePid.record(baseDir, process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start WildFly for node " + name, e);
        }
    }
}
