package io.wxbind.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * How the launcher runs WildFly, as its documentation says a user would: {@code jboss-cli.sh} with
 * {@code server-config/wildfly/wxbind-datasource.cli} against an embedded (offline) server on the
 * node's own {@code jboss.server.base.dir}, then {@code standalone.sh} with the WARs in its
 * {@code deployments/}. App settings are a {@code --properties} file (system properties, as
 * {@code -D} would give); the database settings and secrets are environment variables.
 */
final class WildFlyCommand {

    /** The line the script documents for offline use; the script's own {@code reload} then restarts it. */
    static final String EMBED = "embed-server --std-out=discard --server-config=standalone.xml --admin-only";
    private static final long CLI_TIMEOUT_SECONDS = 180;

    private WildFlyCommand() {
    }

    /** Runs the CLI script on {@code baseDir} (a copy of {@code standalone/configuration}); fails with the CLI's output. */
    static void configure(LaunchPaths paths, Path baseDir, Path cliLog) {
        Path home = paths.wildflyHome();
        try {
            Path offline = baseDir.resolve("wxbind-offline.cli");
            Files.writeString(offline, EMBED + "\n" + Files.readString(paths.wildflyScript()) + "\nstop-embedded-server\n",
                    StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("bin/jboss-cli.sh").toString(), "--file=" + offline)
                    .directory(paths.projectDir().toFile()).redirectErrorStream(true).redirectOutput(cliLog.toFile());
            javaEnvironment(pb.environment(), home, "-Djboss.server.base.dir=" + baseDir);
            Process cli = pb.start();
            if (!cli.waitFor(CLI_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                ProcessTree.end(cli, true, java.time.Duration.ZERO);
                throw new IllegalStateException("jboss-cli did not finish within " + CLI_TIMEOUT_SECONDS + " s, see " + cliLog);
            }
            if (cli.exitValue() != 0) {
                throw new IllegalStateException(paths.wildflyScript() + " failed (exit " + cli.exitValue() + "):\n"
                        + new WildFlyLog(cliLog).tail(Readiness.LOG_LINES_ON_FAILURE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run jboss-cli for " + baseDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while configuring WildFly", e);
        }
    }

    /**
     * {@code bash standalone.sh} on {@code baseDir}, bound to 127.0.0.1, on the given ports, with
     * {@code jboss.tx.node.id} (unique per node, at most 23 bytes) and the app settings file.
     */
    static List<String> commandLine(Path home, Path baseDir, WildFlyPorts ports, String txNodeId, Path settings) {
        List<String> cmd = new ArrayList<>(List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-b", "127.0.0.1",
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.http.port=" + ports.http(),
                "-Djboss.https.port=" + ports.https(),
                "-Djboss.management.http.port=" + ports.management(),
                "-Djboss.tx.node.id=" + txNodeId,
                "--properties=" + settings.toUri()));
        return cmd;
    }

    /** The JVM the scripts start: this JVM's Java, {@code javaOpts} instead of standalone.conf's. */
    static void javaEnvironment(Map<String, String> env, Path home, String javaOpts) {
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JBOSS_HOME", home.toString());
        env.put("JAVA_OPTS", javaOpts);
    }

    /** standalone.conf's defaults with the node's heap. */
    static String serverJavaOpts(String maxHeap) {
        return "-Xms64m -Xmx" + maxHeap + " -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Djava.net.preferIPv4Stack=true"
                + " -Djava.awt.headless=true -Djboss.modules.system.pkgs=org.jboss.byteman";
    }

    /**
     * Replaces inherited {@code WXBIND_*} and {@code WECHAT_*} variables with the database settings
     * the script's expressions read, and {@code secrets}. No password: the script's empty default.
     */
    static void environment(Map<String, String> env, Database db, Map<String, String> secrets) {
        env.keySet().removeIf(name -> name.startsWith("WXBIND_") || name.startsWith("WECHAT_"));
        env.put("WXBIND_DB_HOST", db.host());
        env.put("WXBIND_DB_PORT", Integer.toString(db.port()));
        env.put("WXBIND_DB_NAME", db.database());
        env.put("WXBIND_DB_USER", db.user());
        if (!db.password().isEmpty()) {
            env.put("WXBIND_DB_PASSWORD", db.password());
        }
        env.putAll(secrets);
    }

    /** The app settings as a properties file for {@code --properties}. */
    static Path writeSettings(Path file, Map<String, String> systemProperties) {
        Properties p = new Properties();
        p.putAll(systemProperties);
        try (var out = Files.newOutputStream(file)) { // Latin-1 and escapes, what Properties.load reads
            p.store(out, "WxBind settings of this node (MicroProfile Config reads system properties)");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The node's sockets: HTTP (the apps), HTTPS (unused but bound), management (health). */
    record WildFlyPorts(int http, int https, int management) {
    }
}
