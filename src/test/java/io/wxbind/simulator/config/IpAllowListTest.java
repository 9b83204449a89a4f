package io.wxbind.simulator.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpAllowListTest {

    @Test
    void allowsWhenEmptyThenEveryone() {
        assertTrue(IpAllowList.parse("").allows("8.8.8.8"));
        assertTrue(IpAllowList.none().allows("::1"));
    }

    @Test
    void allowsWhenCidrThenOnlyInside() {
        IpAllowList list = IpAllowList.parse("192.168.1.0/25, 127.0.0.1");
        assertTrue(list.allows("192.168.1.127"));
        assertFalse(list.allows("192.168.1.128"));
        assertTrue(list.allows("127.0.0.1"));
        assertFalse(list.allows("127.0.0.2"));
        assertFalse(list.allows("0:0:0:0:0:0:0:1"));
        assertFalse(list.allows("not-an-ip"));
    }

    @Test
    void allowsWhenIpv6ThenMatchesIpv6() {
        IpAllowList list = IpAllowList.parse("::1");
        assertTrue(list.allows("0:0:0:0:0:0:0:1"));
        assertFalse(list.allows("127.0.0.1"));
    }

    @Test
    void parseWhenHostNameOrBadPrefixThenRejected() {
        assertThrows(IllegalArgumentException.class, () -> IpAllowList.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> IpAllowList.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpAllowList.parse("10.0.0.0/x"));
    }
}
