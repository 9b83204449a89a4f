package io.wxbind.launch;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code mvn -Pdemo package}: PostgreSQL (embedded unless {@code WXBIND_JDBC_URL} is set), one
 * Payara Micro on port 8080 (or {@code WXBIND_PORT}) with the app, the simulator and the demo
 * accounts; prints where to go, then runs until Ctrl-C, which stops Payara and PostgreSQL.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("WXBIND_PORT", "8080"));
        System.out.println("Starting WxBind demo: PostgreSQL, then Payara Micro on port " + port
                + " (about 20 s; log in target/logs/payara-demo.log) ...");
        WxBindStack stack = WxBindStack.start("demo", Database.start(Database.DEMO_URL_ENV, false), port,
                Map.of("wxbind.demo.seed-accounts", "true"));
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("Stopping WxBind demo ...");
            stack.close();
        }, "wxbind-demo-shutdown"));
        System.out.println(banner(stack));
        stack.node().onExit().join();
        if (!stopping.get()) {
            System.out.println("Payara Micro exited on its own; see " + stack.node().logFile());
            stack.close();
        }
    }

    static String banner(WxBindStack stack) {
        String line = "=".repeat(72);
        return String.join("\n",
                "", line,
                "  WxBind demo is running",
                "",
                "  Open the app:             " + stack.appUrl(),
                "  WeChat simulator:         " + stack.simulatorUrl() + "  (choose who you are)",
                "",
                "  Demo accounts:            alice / alice-password",
                "                            bob   / bob-password",
                "",
                "  Database:                 " + stack.database(),
                "  Payara log:               " + stack.node().logFile(),
                "",
                "  Stop with Ctrl-C (stops Payara Micro and PostgreSQL).",
                line, "");
    }
}
