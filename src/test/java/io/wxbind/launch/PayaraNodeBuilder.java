package io.wxbind.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * What a {@link PayaraNode} runs: its database, port, MicroProfile Config values and secrets, and
 * whether the simulator is deployed too. {@link #start()} launches the process and blocks until
 * the node is ready (or fails with the end of its log); {@link #spawn()} only launches it.
 */
public final class PayaraNodeBuilder {

    private static final Logger LOG = Logger.getLogger(PayaraNodeBuilder.class.getName());

    private final String name;
    private final NodeSettings settings = new NodeSettings();
    private LaunchPaths paths = LaunchPaths.fromSystemProperties();
    private Database database;
    private int port;
    private boolean simulator;
    private Path war;
    private String contextRoot = PayaraNode.APP;
    private String probePath = "/";
    private final Map<String, Path> moreWars = new java.util.LinkedHashMap<>();
    private String maxHeap = "512m";
    private Duration readyTimeout = Duration.ofSeconds(180);

    PayaraNodeBuilder(String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("Node names are [a-z0-9-]: " + name);
        }
        this.name = name;
    }

    public PayaraNodeBuilder database(Database database) {
        this.database = database;
        return this;
    }

    /** 0 (the default) picks a free port. */
    public PayaraNodeBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** Also deploys the WeChat simulator at {@code /wechat-sim}. */
    public PayaraNodeBuilder withSimulator(boolean simulator) {
        this.simulator = simulator;
        return this;
    }

    /**
     * Deploys {@code war} at {@code /contextRoot} in place of the app's WAR, e.g. a baseline WAR
     * that the startup benchmark compares with the app; {@link #start()} then waits for
     * {@code /contextRoot + probePath}. Everything else (JVM, post-boot commands, datasource,
     * config) stays as for the app, so that the WAR is the only difference.
     */
    public PayaraNodeBuilder deploy(Path war, String contextRoot, String probePath) {
        this.war = Objects.requireNonNull(war, "war");
        this.contextRoot = Objects.requireNonNull(contextRoot, "contextRoot");
        this.probePath = Objects.requireNonNull(probePath, "probePath");
        return this;
    }

    /**
     * Deploys {@code war} at {@code /contextRoot} as well (e.g. a second portal next to the first);
     * {@link #start()} also waits for {@code /contextRoot/}.
     */
    public PayaraNodeBuilder alsoDeploy(Path war, String contextRoot) {
        moreWars.put(Objects.requireNonNull(contextRoot, "contextRoot"), Objects.requireNonNull(war, "war"));
        return this;
    }

    /** A MicroProfile Config value; secret-looking keys go to the environment instead of {@code -D}. */
    public PayaraNodeBuilder config(String key, String value) {
        settings.config(key, value);
        return this;
    }

    public PayaraNodeBuilder config(Map<String, String> values) {
        values.forEach(this::config);
        return this;
    }

    /** An environment variable for the node, e.g. a secret under its own name. */
    public PayaraNodeBuilder env(String variable, String value) {
        settings.env(variable, value);
        return this;
    }

    public PayaraNodeBuilder maxHeap(String maxHeap) {
        this.maxHeap = maxHeap;
        return this;
    }

    public PayaraNodeBuilder readyTimeout(Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
        return this;
    }

    public PayaraNodeBuilder paths(LaunchPaths paths) {
        this.paths = paths;
        return this;
    }

    /** Starts the process and waits until the app (and the simulator) answer. */
    public PayaraNode start() {
        Objects.requireNonNull(database, "database");
        long started = System.nanoTime();
        int chosenPort = port > 0 ? Ports.requireFree(port) : Ports.free();
        String base = "http://localhost:" + chosenPort + "/";
        List<String> apps = new ArrayList<>(List.of(contextRoot));
        apps.addAll(moreWars.keySet());
        if (simulator) {
            apps.add(PayaraNode.SIMULATOR);
        }
        List<URI> probes = new ArrayList<>(List.of(URI.create(base + contextRoot + probePath)));
        moreWars.keySet().forEach(root -> probes.add(URI.create(base + root + "/")));
        if (simulator) {
            probes.add(URI.create(base + PayaraNode.SIMULATOR + "/control/people"));
        }
        Path rootDir = paths.nodeRootDir(name);
        Path logFile = paths.logFile(name);
        Process process = launch(chosenPort, rootDir, logFile, wars());
        PayaraNode node = new PayaraNode(name, chosenPort, process, logFile, rootDir);
        try {
            Readiness.await(process, new PayaraLog(logFile), probes, apps, readyTimeout);
        } catch (RuntimeException e) {
            node.kill();
            throw e;
        }
        LOG.info(() -> node + " ready in " + Database.millisSince(started) + " ms, log " + logFile);
        return node;
    }

    /**
     * Launches the process and returns at once, without waiting for it to be ready: for callers
     * that time the start themselves (the startup benchmark) and poll on their own.
     */
    public PayaraNode spawn() {
        Objects.requireNonNull(database, "database");
        int chosenPort = port > 0 ? Ports.requireFree(port) : Ports.free();
        Path rootDir = paths.nodeRootDir(name);
        Path logFile = paths.logFile(name);
        return new PayaraNode(name, chosenPort, launch(chosenPort, rootDir, logFile, wars()), logFile, rootDir);
    }

    /** The deploy-dir copies of the WAR (the app's unless {@link #deploy}) and of the simulator. */
    private List<Path> wars() {
        List<Path> wars = new ArrayList<>(List.of(
                DeployDir.install(war != null ? war : paths.appWar(), paths.deployDir(), contextRoot)));
        moreWars.forEach((root, file) -> wars.add(DeployDir.install(file, paths.deployDir(), root)));
        if (simulator) {
            wars.add(DeployDir.install(paths.simulatorWar(), paths.deployDir(), PayaraNode.SIMULATOR));
        }
        return wars;
    }

    private Process launch(int chosenPort, Path rootDir, Path logFile, List<Path> wars) {
        StalePid.killPrevious(rootDir);
        PayaraNode.deleteTree(rootDir);
        ProcessBuilder pb = new ProcessBuilder(
                PayaraCommand.commandLine(paths, chosenPort, rootDir, wars, settings.systemProperties(), maxHeap));
        PayaraCommand.environment(pb.environment(), database, settings.environment());
        try {
            Files.createDirectories(logFile.getParent());
            Process process = pb.redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            StalePid.record(rootDir, process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Payara Micro for node " + name, e);
        }
    }
}
