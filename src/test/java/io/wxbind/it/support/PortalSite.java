package io.wxbind.it.support;

import io.wxbind.launch.AppNode;
import io.wxbind.launch.AppServer;
import io.wxbind.launch.Database;
import io.wxbind.launch.LaunchPaths;
import io.wxbind.launch.PayaraNode;
import io.wxbind.launch.Ports;
import io.wxbind.launch.WildFlyNode;
import io.wxbind.launch.WxBindStack;
import java.util.Map;

/**
 * The sample existing portal ({@code wxbind-portal.war} at {@code /portal}) on a server of its
 * own, with its own database and WeChat simulator, for the tests that drive both of its logins.
 * The tests only use its URLs, {@link #sim()}, {@link #database()} and {@link #serverLog()}, so the
 * same tests run on Payara Micro ({@link #payara()}) and on WildFly ({@link #wildfly()}).
 */
public final class PortalSite implements AutoCloseable {

    public static final String CONTEXT_ROOT = "portal";
    /** The same portal with the classes jar but no definition. */
    public static final String PLAIN_CONTEXT_ROOT = "portal-plain";

    private static PortalSite shared;

    private final Database database;
    private final AppNode node;

    private PortalSite(Database database, AppNode node) {
        this.database = database;
        this.node = node;
    }

    /** The portal on the server of this test pass ({@link AppServer#forTests()}, set by failsafe). */
    public static PortalSite forTests() {
        return AppServer.forTests() == AppServer.WILDFLY ? wildfly() : payara();
    }

    /** Payara Micro with the portal and the simulator, started on first use, stopped when the JVM exits. */
    public static PortalSite payara() {
        return shared(AppServer.PAYARA);
    }

    /**
     * WildFly with the portal and the simulator, configured as the README's "Add WxBind to your
     * portal" says for WildFly ({@code server-config/wildfly/wxbind-datasource.cli}, nothing else);
     * started on first use, stopped when the JVM exits.
     */
    public static PortalSite wildfly() {
        return shared(AppServer.WILDFLY);
    }

    private static synchronized PortalSite shared(AppServer server) {
        if (shared != null && shared.server() != server) {
            throw new IllegalStateException("This JVM's portal runs on " + shared.server() + ", not " + server);
        }
        if (shared == null) {
            Database db = Database.start(Database.TEST_URL_ENV);
            try {
                shared = new PortalSite(db, server == AppServer.WILDFLY ? startWildFly(db) : startPayara(db));
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "wxbind-portal-shutdown"));
        }
        return shared;
    }

    private static PayaraNode startPayara(Database db) {
        int port = Ports.free();
        LaunchPaths paths = LaunchPaths.fromSystemProperties();
        return PayaraNode.builder("portal").database(db).port(port).withSimulator(true)
                .deploy(paths.portalWar(), CONTEXT_ROOT, "/").alsoDeploy(paths.portalPlainWar(), PLAIN_CONTEXT_ROOT)
                .config(config(port)).start();
    }

    private static WildFlyNode startWildFly(Database db) {
        int port = Ports.free();
        LaunchPaths paths = LaunchPaths.fromSystemProperties();
        return WildFlyNode.builder("portal").database(db).port(port).withSimulator(true)
                .deploy(paths.portalWar(), CONTEXT_ROOT, "/").alsoDeploy(paths.portalPlainWar(), PLAIN_CONTEXT_ROOT, "/")
                .config(config(port)).start();
    }

    private static Map<String, String> config(int port) {
        String base = "http://localhost:" + port;
        // The unionid lookup off, as on the ITs' stack (WxBindStack.TEST_CONFIG): PortalIT expects the bind form at once.
        return WxBindStack.appConfig(base, Map.of("wechat.public-base-url", base + "/" + CONTEXT_ROOT, "wechat.http-timeout-ms", "2000",
                "wechat.unionid-lookup", "off"));
    }

    private AppServer server() {
        return node instanceof WildFlyNode ? AppServer.WILDFLY : AppServer.PAYARA;
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
