package io.wxbind.launch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The whole system for tests and the demo: a {@link Database} and one app node (a {@link PayaraNode},
 * or a {@link WildFlyNode} when {@link AppServer#PROPERTY} says {@code wildfly}) with the app and the
 * WeChat simulator, the app configured to use that simulator as WeChat. Extra app-only nodes
 * (on the same server) share the database and the simulator (several cluster nodes, or another first-login policy).
 * Closing the stack stops the nodes, then the database.
 */
public final class WxBindStack implements AutoCloseable {

    /** The simulator's built-in official account ({@code SimDefaults.OFFICIAL_APP_ID}). */
    public static final String APP_ID = "wx1a2b3c4d5e6f7a8b";
    /** Its secret; passed to the app as the environment variable {@code WECHAT_APP_SECRET}. */
    public static final String APP_SECRET = "5e1f0c3a9b7d4e2f8a6c1b3d5e7f9a0b";
    /** The simulator's website app ({@code SimDefaults.WEBSITE_APP_ID}). */
    public static final String WEBSITE_APP_ID = "wx0f1e2d3c4b5a6978";
    /** Its secret; passed to the app as the environment variable {@code WECHAT_APP_WX0F1E2D3C4B5A6978_SECRET}. */
    public static final String WEBSITE_APP_SECRET = "9a8b7c6d5e4f30211203f4e5d6c7b8a9";
    /** The simulator's mini program ({@code SimDefaults.MINIPROGRAM_APP_ID}). */
    public static final String MINIPROGRAM_APP_ID = "wx7e6d5c4b3a291807";
    public static final String MINIPROGRAM_APP_SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    /** The simulator's mobile app ({@code SimDefaults.MOBILE_APP_ID}). */
    public static final String MOBILE_APP_ID = "wx3c5e7a9b1d2f4608";
    public static final String MOBILE_APP_SECRET = "7f6e5d4c3b2a19080f1e2d3c4b5a6978";
    /** The open-platform account all three are bound to ({@code SimDefaults.OPEN_PLATFORM}): one unionid per person. */
    public static final String OPEN_PLATFORM = "open-wxbind-demo";

    /** {@code wxbind.miniprogram.logins-per-address-per-minute} of the test stack: room for a test run's minute from 127.0.0.1. */
    public static final int LOGINS_PER_ADDRESS_PER_MINUTE = 1000;

    /** The tests log in with the demo accounts, and a hung WeChat must not stall them long. */
    /**
     * The ITs create many bind QR codes for the same demo accounts: the per-account cap is tested on
     * its own node. The test clients on this machine may stand in for a proxy ({@code X-Forwarded-For}), so that a
     * race can come from many addresses; a request from any other address has its header ignored.
     * The official account's unionid lookup (user/info, then a snsapi_userinfo consent page) is off:
     * the ITs written before it expect an unbound person's first login to reach the bind form at
     * once; OneAccountAcrossAppsIT runs it (the default, {@code consent}) on its own node.
     */
    static final Map<String, String> TEST_CONFIG = Map.of("wxbind.demo.seed-accounts", "true", "wechat.http-timeout-ms", "2000",
            "wechat.qr.bind-per-account", "500", "wxbind.trusted-proxies", "127.0.0.1, ::1", "wechat.unionid-lookup", "off");

    private static final Logger LOG = Logger.getLogger(WxBindStack.class.getName());
    private static WxBindStack shared;
    private static RuntimeException sharedFailure;

    private final Database database;
    private final AppNode node;
    private final Map<String, AppNode> extraNodes = new LinkedHashMap<>();

    private WxBindStack(Database database, AppNode node) {
        this.database = database;
        this.node = node;
    }

    /**
     * The stack of the integration tests, started on first use ({@link Database#TEST_URL_ENV} or
     * embedded PostgreSQL, node {@code it} on a free port, on {@link AppServer#forTests()}) and
     * stopped when the JVM exits. A failed start is remembered, so later tests fail at once instead
     * of waiting again.
     */
    public static synchronized WxBindStack shared() {
        if (sharedFailure != null) {
            throw new IllegalStateException("The shared WxBind stack failed to start earlier", sharedFailure);
        }
        if (shared == null) {
            try {
                shared = start(AppServer.forTests(), "it", Database.start(Database.TEST_URL_ENV), 0, TEST_CONFIG);
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "wxbind-stack-shutdown"));
        }
        return shared;
    }

    /**
     * Starts node {@code nodeName} (port 0 = free) with both WARs on {@code database}, which the
     * stack then owns (it is closed with the stack, or at once if the node does not start).
     */
    public static WxBindStack start(String nodeName, Database database, int port, Map<String, String> overrides) {
        return start(AppServer.PAYARA, nodeName, database, port, overrides);
    }

    /** As {@link #start(String, Database, int, Map)}, on {@code server}. */
    public static WxBindStack start(AppServer server, String nodeName, Database database, int port, Map<String, String> overrides) {
        try {
            int chosenPort = port > 0 ? port : Ports.free();
            // Bind links in chat replies point at this node (extra nodes keep their own callback URLs).
            Map<String, String> config = new LinkedHashMap<>();
            config.put("wechat.public-base-url", "http://localhost:" + chosenPort + "/wxbind");
            config.putAll(overrides);
            Map<String, String> app = appConfig("http://localhost:" + chosenPort, config);
            AppNode node = server == AppServer.WILDFLY
                    ? WildFlyNode.builder(nodeName).database(database).port(chosenPort).withSimulator(true).config(app).start()
                    : PayaraNode.builder(nodeName).database(database).port(chosenPort).withSimulator(true).config(app).start();
            return new WxBindStack(database, node);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * A stack of a test's own on {@code database} (a node with the app and its own simulator, the
     * shared stack's test settings plus {@code overrides}), for a test that disturbs its database
     * (a PostgreSQL restart) and so must not share it. The caller closes it.
     */
    public static WxBindStack startIsolated(String nodeName, Database database, Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>(TEST_CONFIG);
        config.putAll(overrides);
        return start(nodeName, database, 0, config);
    }

    /**
     * Another app-only Payara node on the same database and simulator, e.g. with
     * {@code wechat.first-login=register}. Cached by name; started again if it is no longer alive.
     */
    public synchronized PayaraNode startExtraNode(String name, Map<String, String> overrides) {
        requirePayara("extra Payara nodes");
        return (PayaraNode) startExtraAppNode(name, overrides);
    }

    /**
     * Like {@link #startExtraNode}, but the node is its own public base URL (links in its chat
     * replies point at it, its logins come back to it), as if a balancer had sent the person there.
     */
    public synchronized PayaraNode startExtraNodeWithOwnUrl(String name, Map<String, String> overrides) {
        requirePayara("extra Payara nodes");
        return (PayaraNode) startExtraAppNodeWithOwnUrl(name, overrides);
    }

    /** As {@link #startExtraNode}, on the stack's own server (Payara or WildFly). */
    public synchronized AppNode startExtraAppNode(String name, Map<String, String> overrides) {
        return extraNode(name, 0, overrides);
    }

    /** As {@link #startExtraNodeWithOwnUrl}, on the stack's own server (Payara or WildFly). */
    public synchronized AppNode startExtraAppNodeWithOwnUrl(String name, Map<String, String> overrides) {
        int port = extraNodes.containsKey(name) && extraNodes.get(name).isAlive() ? extraNodes.get(name).port() : Ports.free();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("wechat.public-base-url", "http://localhost:" + port + "/wxbind");
        config.putAll(overrides);
        return extraNode(name, port, config);
    }

    private AppNode extraNode(String name, int port, Map<String, String> overrides) {
        AppNode extra = extraNodes.get(name);
        if (extra == null || !extra.isAlive()) {
            Map<String, String> config = new LinkedHashMap<>(TEST_CONFIG);
            config.putAll(overrides);
            Map<String, String> app = appConfig(node.baseUrl(), config);
            extra = server() == AppServer.WILDFLY
                    ? WildFlyNode.builder(name).database(database).port(port).config(app).start()
                    : PayaraNode.builder(name).database(database).port(port).config(app).start();
            extraNodes.put(name, extra);
        }
        return extra;
    }

    public Database database() {
        return database;
    }

    /** The Payara node that also runs the simulator; see {@link #appNode()} for a stack on WildFly. */
    public PayaraNode node() {
        requirePayara("node()");
        return (PayaraNode) node;
    }

    /** The node that also runs the simulator, whatever its server. */
    public AppNode appNode() {
        return node;
    }

    /** The server of the main node. */
    public AppServer server() {
        return node instanceof WildFlyNode ? AppServer.WILDFLY : AppServer.PAYARA;
    }

    /** {@code http://localhost:P/wxbind/} */
    public String appUrl() {
        return node.url("/wxbind/");
    }

    /** The simulator's "choose who you are" page, {@code http://localhost:P/wechat-sim/}. */
    public String simulatorUrl() {
        return node.url("/wechat-sim/");
    }

    /** What the app knows as {@code wechat.open-base-url}. */
    public String simulatorOpenUrl() {
        return node.url("/wechat-sim/open");
    }

    /** What the app knows as {@code wechat.api-base-url}. */
    public String simulatorApiUrl() {
        return node.url("/wechat-sim/api");
    }

    /** What the app knows as {@code wechat.mp-base-url}. */
    public String simulatorMpUrl() {
        return node.url("/wechat-sim/mp");
    }

    /** The simulator's control API for tests (people, fault switches). */
    public String simulatorControlUrl() {
        return node.url("/wechat-sim/control");
    }

    /** Stops the extra nodes, the main node, then the database. */
    @Override
    public synchronized void close() {
        List<AppNode> nodes = new ArrayList<>(extraNodes.values());
        nodes.add(node);
        for (AppNode n : nodes) {
            try {
                n.stop();
            } catch (RuntimeException e) {
                LOG.warning(() -> "Could not stop " + n + ": " + e);
            }
        }
        extraNodes.clear();
        database.close();
    }

    private void requirePayara(String what) {
        if (!(node instanceof PayaraNode)) {
            throw new IllegalStateException(what + " need a Payara stack; this one runs " + node
                    + " (skip the test on WildFly with an assumption)");
        }
    }

    /** The app's config: simulator as WeChat, the simulator's apps with their secrets, then overrides. */
    public static Map<String, String> appConfig(String simulatorBase, Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("wechat.app-id", APP_ID);
        config.put("wechat.app-secret", APP_SECRET);
        config.put("wechat.open-platform", OPEN_PLATFORM);
        config.put("wechat.apps", WEBSITE_APP_ID + "," + MINIPROGRAM_APP_ID + "," + MOBILE_APP_ID);
        config.put("wechat.app." + WEBSITE_APP_ID + ".type", "website");
        config.put("wechat.app." + WEBSITE_APP_ID + ".secret", WEBSITE_APP_SECRET);
        config.put("wechat.app." + WEBSITE_APP_ID + ".open-platform", OPEN_PLATFORM);
        config.put("wechat.app." + MINIPROGRAM_APP_ID + ".type", "miniprogram");
        config.put("wechat.app." + MINIPROGRAM_APP_ID + ".secret", MINIPROGRAM_APP_SECRET);
        config.put("wechat.app." + MINIPROGRAM_APP_ID + ".open-platform", OPEN_PLATFORM);
        config.put("wechat.app." + MOBILE_APP_ID + ".type", "mobile");
        config.put("wechat.app." + MOBILE_APP_ID + ".secret", MOBILE_APP_SECRET);
        config.put("wechat.app." + MOBILE_APP_ID + ".open-platform", OPEN_PLATFORM);
        // The mobile app lets an unbound person create an account (POST /api/wechat/miniprogram/register);
        // the mini program binds only, as the deployment's wechat.first-login (bind) says.
        config.put("wechat.app." + MOBILE_APP_ID + ".first-login", "register");
        // Server tokens kept: the official account's (QR codes, messages) and the mini program's (checksession, phone number).
        config.put("wechat.token.app-ids", APP_ID + "," + MINIPROGRAM_APP_ID);
        // The mini program's by cgi-bin/token: its stable_token stays free for SimulatorProtocolIT's short windows
        // (a 7200 s stable token taken at start-up would outlive them); a reissue elsewhere costs the app one 40001 and a refresh.
        config.put("wechat.token." + MINIPROGRAM_APP_ID + ".endpoint", "classic");
        // Encrypts each mini-program user's session_key at rest (a secret; the demo's own value).
        config.put("wxbind.miniprogram.session-key-secret", "demo-session-key-secret-4b1f9e2c7d8a6035");
        // Every test client is 127.0.0.1: room for all mini-program and app logins of a test run's minute.
        config.put("wxbind.miniprogram.logins-per-address-per-minute", String.valueOf(LOGINS_PER_ADDRESS_PER_MINUTE));
        config.put("wechat.open-base-url", simulatorBase + "/wechat-sim/open");
        config.put("wechat.api-base-url", simulatorBase + "/wechat-sim/api");
        config.put("wechat.mp-base-url", simulatorBase + "/wechat-sim/mp");
        // Push settings of the simulator's official account; compatible mode accepts all three modes.
        config.put("wechat.push." + APP_ID + ".token", "wxbinddemotoken");
        config.put("wechat.push." + APP_ID + ".aes-key", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
        config.put("wechat.push." + APP_ID + ".mode", "compatible");
        // The demo's SMS sender shows codes in the simulator's inbox (nothing is really sent).
        config.put("wxbind.demo.sms-inbox-url", simulatorBase + "/wechat-sim/control/sms");
        config.putAll(overrides);
        return config;
    }
}
