package io.wxbind.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the launcher finds its inputs. Maven passes the three directories as system properties
 * (failsafe and the {@code demo} profile); the fallbacks fit a run from the project root.
 *
 * @param runtimeDir {@code payara-micro.jar}, {@code postgresql.jar}, the unpacked {@code wildfly-<version>/};
 *     the launcher adds {@code deploy/}
 * @param buildDir {@code target}: the WARs, {@code logs/} and each node's {@code payara/<name>} or
 *     {@code wildfly/<name>} directory
 * @param serverConfigDir {@code server-config}: {@code payara/post-boot-commands.asadmin},
 *     {@code wildfly/wxbind-datasource.cli}
 */
public record LaunchPaths(Path runtimeDir, Path buildDir, Path serverConfigDir) {

    /** Reads {@code wxbind.runtime.dir}, {@code wxbind.build.dir}, {@code wxbind.server.config.dir}. */
    public static LaunchPaths fromSystemProperties() {
        Path build = dir("wxbind.build.dir", "target");
        return new LaunchPaths(dir("wxbind.runtime.dir", build.resolve("runtime").toString()), build,
                dir("wxbind.server.config.dir", "server-config"));
    }

    public Path payaraMicroJar() {
        return existing(runtimeDir.resolve("payara-micro.jar"));
    }

    public Path postgresqlJar() {
        return existing(runtimeDir.resolve("postgresql.jar"));
    }

    public Path postBootCommands() {
        return existing(serverConfigDir.resolve("payara").resolve("post-boot-commands.asadmin"));
    }

    public Path appWar() {
        return existing(buildDir.resolve("wxbind.war"));
    }

    public Path simulatorWar() {
        return existing(buildDir.resolve("wxbind-simulator.war"));
    }

    /** The sample existing portal with the classes jar (pom execution {@code portal-war}). */
    public Path portalWar() {
        return existing(buildDir.resolve("wxbind-portal.war"));
    }

    /** The same portal without the definition (pom execution {@code portal-plain-war}): WxBind stays off. */
    public Path portalPlainWar() {
        return existing(buildDir.resolve("wxbind-portal-plain.war"));
    }

    /** The WARs are copied here under the names that give their context roots. */
    public Path deployDir() {
        return runtimeDir.resolve("deploy");
    }

    public Path logFile(String nodeName) {
        return buildDir.resolve("logs").resolve("payara-" + nodeName + ".log");
    }

    /** Payara Micro's {@code --rootdir} for one node: wiped at every start. */
    public Path nodeRootDir(String nodeName) {
        return buildDir.resolve("payara").resolve(nodeName);
    }

    /** The WildFly the build unpacked into the runtime directory ({@code wildfly-<version>}). */
    public Path wildflyHome() {
        try (Stream<Path> dirs = Files.list(runtimeDir)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("wildfly-") && Files.isRegularFile(d.resolve("jboss-modules.jar")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("No WildFly in " + runtimeDir + ": run `mvn -B package -DskipTests` first"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + runtimeDir, e);
        }
    }

    /** The jboss-cli script that configures WildFly for WxBind. */
    public Path wildflyScript() {
        return existing(serverConfigDir.resolve("wildfly").resolve("wxbind-datasource.cli"));
    }

    /** The directory the WildFly CLI runs in: the script's paths (the driver) are relative to it. */
    public Path projectDir() {
        return serverConfigDir.getParent();
    }

    /** WildFly's {@code jboss.server.base.dir} for one node: wiped at every start. */
    public Path wildflyBaseDir(String nodeName) {
        return buildDir.resolve("wildfly").resolve(nodeName);
    }

    public Path wildflyLogFile(String nodeName) {
        return buildDir.resolve("logs").resolve("wildfly-" + nodeName + ".log");
    }

    private static Path dir(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run `mvn -B package -DskipTests` first");
        }
        return file;
    }
}
