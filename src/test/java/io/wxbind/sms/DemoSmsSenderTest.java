package io.wxbind.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.wxbind.config.DemoConfig;
import io.wxbind.demo.DemoSmsSender;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The demo sender posts {"phone","text"} to the simulator inbox, and a missing inbox never breaks a send. */
class DemoSmsSenderTest {

    @Test
    void sendWhenInboxConfiguredThenPostsPhoneAndText() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> contentTypes = new CopyOnWriteArrayList<>();
        HttpServer inbox = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        inbox.createContext("/wechat-sim/control/sms", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        inbox.start();
        try {
            sender("http://127.0.0.1:" + inbox.getAddress().getPort() + "/wechat-sim/control/sms")
                    .send("+8613800000001", "WxBind: your code is 012345. \"Quoted\"");
        } finally {
            inbox.stop(0);
        }
        assertEquals(1, bodies.size());
        JsonObject posted = Json.createReader(new StringReader(bodies.get(0))).readObject();
        assertEquals("+8613800000001", posted.getString("phone"));
        assertEquals("WxBind: your code is 012345. \"Quoted\"", posted.getString("text"));
        assertEquals(2, posted.size());
        assertEquals("application/json", contentTypes.get(0));
    }

    @Test
    void sendWhenInboxUnsetOrDownThenConsoleOnlyNoException() throws Exception {
        sender(null).send("+8613800000001", "your code is 111111");
        sender("  ").send("+8613800000001", "your code is 111111");
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        sender("http://127.0.0.1:" + closedPort + "/wechat-sim/control/sms").send("+8613800000001", "your code is 111111");
        sender("not-a-url").send("+8613800000001", "your code is 111111");
        assertTrue(true, "no exception reached the caller");
    }

    private static DemoSmsSender sender(String url) throws ReflectiveOperationException, IOException {
        DemoSmsSender s = new DemoSmsSender();
        var field = DemoSmsSender.class.getDeclaredField("settings");
        field.setAccessible(true);
        field.set(s, new DemoConfig(false, Optional.ofNullable(url).filter(u -> !u.isBlank()).map(URI::create)));
        return s;
    }
}
