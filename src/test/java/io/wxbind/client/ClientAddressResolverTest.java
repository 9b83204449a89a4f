package io.wxbind.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

    private final ClientAddressResolver noProxies = new ClientAddressResolver("");
    private final ClientAddressResolver behindProxy = new ClientAddressResolver("10.0.0.0/8, ::1");

    @Test
    void resolveWhenNoTrustedProxyThenHeadersIgnored() {
        ClientAddress a = noProxies.resolve("203.0.113.7", List.of("for=198.51.100.1"), List.of("198.51.100.2"));
        assertEquals("203.0.113.7", a.address());
        assertEquals("203.0.113.7", a.throttleKey());
    }

    @Test
    void resolveWhenPeerNotTrustedThenForgedXffIgnored() {
        assertEquals("203.0.113.7", behindProxy.resolve("203.0.113.7", List.of(), List.of("1.1.1.1")).address());
    }

    @Test
    void resolveWhenTrustedProxyThenRightmostUntrustedHopOfXff() {
        // the client wrote "6.6.6.6" itself; the proxy appended the real peer 198.51.100.9
        ClientAddress a = behindProxy.resolve("10.1.2.3", List.of(), List.of("6.6.6.6, 198.51.100.9"));
        assertEquals("198.51.100.9", a.address());
    }

    @Test
    void resolveWhenChainOfTrustedProxiesThenSkipsThem() {
        assertEquals("198.51.100.9", behindProxy.resolve("10.1.2.3", List.of(), List.of("198.51.100.9", "10.9.9.9")).address());
    }

    @Test
    void resolveWhenForwardedHeaderThenItsForParameterWinsOverXff() {
        ClientAddress a = behindProxy.resolve("10.0.0.1", List.of("for=6.6.6.6, for=\"[2001:db8:cafe:1:2:3:4:5]:443\";proto=https"),
                List.of("7.7.7.7"));
        assertEquals("2001:db8:cafe:1:2:3:4:5", a.address());
        assertEquals("2001:db8:cafe:1::/64", a.throttleKey());
    }

    @Test
    void resolveWhenGarbageHopThenStopsAtLastTrustedProxy() {
        assertEquals("10.0.0.1", behindProxy.resolve("10.0.0.1", List.of(), List.of("evil.example")).address());
        assertEquals("10.0.0.1", behindProxy.resolve("10.0.0.1", List.of("for=unknown"), List.of()).address());
    }

    @Test
    void resolveWhenIpv6ThenSameSlash64SharesOneKey() {
        ClientAddress a = noProxies.resolve("2001:db8:1:2:aaaa::1", List.of(), List.of());
        ClientAddress b = noProxies.resolve("2001:db8:1:2:bbbb::9", List.of(), List.of());
        assertEquals(a.throttleKey(), b.throttleKey());
        assertTrue(!a.address().equals(b.address()));
        assertEquals("2001:db8:1:2::/64", a.masked());
    }

    @Test
    void resolveWhenLoopbackOrZeroGroupsInsideThenShortSlash64() {
        assertEquals("::/64", noProxies.resolve("::1", List.of(), List.of()).masked());
        assertEquals("2001:0:0:5::/64", noProxies.resolve("2001:0:0:5:6:7:8:9", List.of(), List.of()).throttleKey());
        assertEquals("fe80::/64", noProxies.resolve("fe80::1%1", List.of(), List.of()).throttleKey());
    }

    @Test
    void resolveWhenV4MappedThenPlainIpv4() {
        assertEquals("192.0.2.5", noProxies.resolve("::ffff:192.0.2.5", List.of(), List.of()).throttleKey());
    }

    @Test
    void maskedWhenIpv4ThenLastOctetHidden() {
        assertEquals("192.0.2.x", noProxies.resolve("192.0.2.5", List.of(), List.of()).masked());
    }

    @Test
    void constructWhenBadEntriesThenOneMessageListsAll() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ClientAddressResolver("proxy.local, 10.0.0.0/33"));
        assertTrue(e.getMessage().contains("proxy.local") && e.getMessage().contains("10.0.0.0/33"), e.getMessage());
    }
}
