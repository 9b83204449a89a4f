package io.wxbind.simulator.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdDerivationTest {

    private static final byte[] SECRET = "test-secret".getBytes(StandardCharsets.UTF_8);
    private final IdDerivation ids = new IdDerivation(SECRET);

    @Test
    void openIdWhenNewInstanceWithSameSecretThenSameValue() {
        assertEquals(ids.openId("wx1a2b3c4d5e6f7a8b", "zhang-wei"),
                new IdDerivation("test-secret".getBytes(StandardCharsets.UTF_8)).openId("wx1a2b3c4d5e6f7a8b", "zhang-wei"));
    }

    @Test
    void openIdWhenKnownInputThenPinnedValue() {
        // Pinned so a change to the derivation (which would orphan stored bindings) is noticed.
        // Value computed independently: "o" + base64url(HMAC-SHA256("test-secret",
        // "openid\0wx1a2b3c4d5e6f7a8b\0zhang-wei"))[0..27).
        assertEquals("oNqrhzmxde2cguquJLoKAlXxBqrm", ids.openId("wx1a2b3c4d5e6f7a8b", "zhang-wei"));
    }

    @Test
    void openIdWhenOtherAppOrPersonThenDifferent() {
        String official = ids.openId("wx1a2b3c4d5e6f7a8b", "zhang-wei");
        assertNotEquals(official, ids.openId("wx0f1e2d3c4b5a6978", "zhang-wei"));
        assertNotEquals(official, ids.openId("wx1a2b3c4d5e6f7a8b", "li-na"));
    }

    @Test
    void openIdWhenOtherSecretThenDifferent() {
        assertNotEquals(ids.openId("wx1a2b3c4d5e6f7a8b", "zhang-wei"),
                new IdDerivation("other".getBytes(StandardCharsets.UTF_8)).openId("wx1a2b3c4d5e6f7a8b", "zhang-wei"));
    }

    @Test
    void idsWhenDerivedThenLookLikeWeChatIds() {
        for (String id : new String[] {ids.openId("wx1", "p"), ids.unionId("open", "p"),
                ids.snapshotOpenId("wx1", "p"), ids.snapshotUnionId("open", "p")}) {
            assertEquals(28, id.length(), id);
            assertTrue(id.matches("o[A-Za-z0-9_-]{27}"), id);
        }
    }

    @Test
    void unionIdWhenSameOpenPlatformThenSameForPersonAndDifferentFromOpenIds() {
        String union = ids.unionId("open-wxbind-demo", "zhang-wei");
        assertEquals(union, ids.unionId("open-wxbind-demo", "zhang-wei"));
        assertNotEquals(union, ids.unionId("open-other", "zhang-wei"));
        assertNotEquals(union, ids.unionId("open-wxbind-demo", "li-na"));
        assertNotEquals(union, ids.openId("open-wxbind-demo", "zhang-wei"));
    }

    @Test
    void snapshotIdsWhenDerivedThenDifferFromRealOnes() {
        assertNotEquals(ids.openId("wx1", "p"), ids.snapshotOpenId("wx1", "p"));
        assertNotEquals(ids.unionId("open", "p"), ids.snapshotUnionId("open", "p"));
    }
}
