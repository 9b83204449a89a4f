package io.wxbind.it.support;

import io.wxbind.launch.Database;
import io.wxbind.launch.LaunchPaths;
import io.wxbind.launch.PayaraNode;
import io.wxbind.launch.Ports;
import io.wxbind.launch.WxBindStack;
import java.util.Map;

/**
 * The sample existing portal ({@code wxbind-portal.war} at {@code /portal}) on a server of its
 * own, with its own database and WeChat simulator, for the tests that drive both of its logins.
 * The tests only use its URLs, {@link #sim()}, {@link #database()} and {@link #serverLog()}, so another
 * server (WildFly) can stand behind the same tests with a second factory method.
 */
public final class PortalSite implements AutoCloseable {

    public static final String CONTEXT_ROOT = "portal";
    /** The same portal with the classes jar but no definition. */
    public static final String PLAIN_CONTEXT_ROOT = "portal-plain";

    private static PortalSite shared;

    private final Database database;
    private final PayaraNode node;

    private PortalSite(Database database, PayaraNode node) {
        this.database = database;
        this.node = node;
    }

    /** Payara Micro with the portal and the simulator, started on first use, stopped when the JVM exits. */
    public static synchronized PortalSite payara() {
        if (shared == null) {
            Database db = Database.start(Database.TEST_URL_ENV);
            try {
                int port = Ports.free();
                String base = "http://localhost:" + port;
                LaunchPaths paths = LaunchPaths.fromSystemProperties();
                PayaraNode node = PayaraNode.builder("portal").database(db).port(port).withSimulator(true)
                        .deploy(paths.portalWar(), CONTEXT_ROOT, "/").alsoDeploy(paths.portalPlainWar(), PLAIN_CONTEXT_ROOT)
                        .config(WxBindStack.appConfig(base, Map.of("wechat.public-base-url", base + "/" + CONTEXT_ROOT,
                                "wechat.http-timeout-ms", "2000")))
                        .start();
                shared = new PortalSite(db, node);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "wxbind-portal-shutdown"));
        }
        return shared;
    }

    /** {@code http://localhost:P/portal/} */
    public String portalUrl() {
        return node.url("/" + CONTEXT_ROOT + "/");
    }

    /** {@code http://localhost:P/portal-plain/} */
    public String plainPortalUrl() {
        return node.url("/" + PLAIN_CONTEXT_ROOT + "/");
    }

    /** The server's log so far (what the portals wrote at deployment). */
    public String serverLog() {
        try {
            return java.nio.file.Files.readString(node.logFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public SimControl sim() {
        return new SimControl(node.url("/wechat-sim/control"));
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        try {
            node.stop();
        } finally {
            database.close();
        }
    }
}
