package io.wxbind.it.support;

import static io.wxbind.it.support.ItSupport.submitBind;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;

import io.wxbind.launch.Database;
import io.wxbind.launch.PayaraNode;
import io.wxbind.launch.WxBindStack;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A token cluster for tests and benchmarks: one node with the simulator (refresher off) and
 * {@code n} app nodes on one fresh database, token windows shortened, an admin logged in on
 * each app node (bound through the real WeChat flow).
 */
public final class TokenCluster implements AutoCloseable {

    public static final String OA = WxBindStack.APP_ID;
    /** Configured as an app (wechat.apps) by {@link WxBindStack#appConfig}, secret included. */
    public static final String MINI = WxBindStack.MINIPROGRAM_APP_ID;
    public static final int OA_EXPIRES = 20;
    public static final int MINI_EXPIRES = 30;
    public static final int MARGIN = 8;

    private final WxBindStack stack;
    private final TokenSim sim;
    private final Map<String, PayaraNode> nodes = new LinkedHashMap<>();
    private final Map<String, CheckLoad.Caller> callers = new LinkedHashMap<>();

    private TokenCluster(WxBindStack stack) {
        this.stack = stack;
        this.sim = new TokenSim(stack.simulatorControlUrl());
    }

    /** Nodes are named tok-a, tok-b, …; the official account uses cgi-bin/token, the mini program stable_token. */
    public static TokenCluster start(int appNodes) {
        TokenCluster c = new TokenCluster(WxBindStack.start("tok-sim", Database.start(Database.TEST_URL_ENV), 0,
                Map.of("wechat.token.enabled", "false", "wxbind.demo.seed-accounts", "true")));
        try {
            c.sim.settings(OA, OA_EXPIRES, 5);
            c.sim.settings(MINI, MINI_EXPIRES, 10);
            for (int i = 0; i < appNodes; i++) {
                String name = "tok-" + (char) ('a' + i);
                c.nodes.put(name, c.stack.startExtraNode(name, config(name)));
            }
            SimControl.SimPersonInfo admin = new SimControl(c.stack.simulatorControlUrl()).newPerson("Token Admin");
            for (Map.Entry<String, PayaraNode> e : c.nodes.entrySet()) {
                c.callers.put(e.getKey(), login(admin, e.getValue().url("/wxbind/")));
            }
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static Map<String, String> config(String name) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("wechat.token.app-ids", OA + "," + MINI);
        cfg.put("wechat.token." + OA + ".endpoint", "classic");
        cfg.put("wechat.token." + MINI + ".endpoint", "stable");
        cfg.put("wechat.token.refresh-margin-seconds", String.valueOf(MARGIN));
        cfg.put("wechat.token.stable-rotation-lead-seconds", "10");
        cfg.put("wechat.token.check-interval-seconds", "1");
        cfg.put("wechat.token.read-cache-ms", "500");
        cfg.put("wxbind.node-name", name);
        cfg.put("wechat.http-timeout-ms", "5000"); // a loaded machine must not turn a slow token answer into a retry
        return cfg;
    }

    /** The admin (alice) logs in on a node: bind the first time, silently afterwards. */
    private static CheckLoad.Caller login(SimControl.SimPersonInfo admin, String app) {
        WeChatBrowser b = new WeChatBrowser(admin.id());
        WeChatBrowser.Chain chain = b.open(app + "app/");
        if (chain.last().path().endsWith("/wechat/bind")) {
            submitBind(b, app, ticketFromBindPage(chain), "alice", "alice-password");
        }
        if (b.get(app + "api/me").status() != 200) {
            throw new IllegalStateException("admin could not log in on " + app);
        }
        return new CheckLoad.Caller(b, app);
    }

    public WxBindStack stack() {
        return stack;
    }

    public TokenSim sim() {
        return sim;
    }

    public PayaraNode node(String name) {
        return nodes.get(name);
    }

    public Map<String, PayaraNode> nodes() {
        return nodes;
    }

    public CheckLoad.Caller caller(String name) {
        return callers.get(name);
    }

    public List<CheckLoad.Caller> callers() {
        return List.copyOf(callers.values());
    }

    @Override
    public void close() {
        stack.close();
    }
}
