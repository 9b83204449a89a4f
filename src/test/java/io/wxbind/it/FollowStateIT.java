package io.wxbind.it;

import static io.wxbind.it.QrBindingIT.control;
import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;

/** An unfollow push is recorded but does not unbind: web login keeps working; a new follow clears it. */
class FollowStateIT {

    @Test
    void unfollowWhenBoundThenRecordedAndStillLogsIn() throws Exception {
        SimControl.SimPersonInfo p = bindNewPerson("alice", "alice-password");
        // Follow first (a menu click makes the simulated person follow), then unfollow.
        control("POST", "/push", Json.createObjectBuilder().add("appid", APP_ID).add("person", p.id()).add("msgType", "event")
                .add("event", "CLICK").add("eventKey", "OTHER").build());
        var answer = control("POST", "/unfollow", Json.createObjectBuilder().add("appid", APP_ID).add("person", p.id()).build());
        assertEquals("delivered", answer.getString("status"), answer.toString());
        assertNotNull(unfollowedAt(p.openIdFor(APP_ID)), "the unfollow is recorded");
        assertEquals("alice", boundAccount(APP_ID, p.openIdFor(APP_ID)), "still bound");
        WeChatBrowser b = new WeChatBrowser(p.id());
        WeChatBrowser.Chain chain = b.open(stack().appUrl() + "app/");
        assertTrue(chain.onlyRedirectsBeforeLast());
        assertCaller(chain.last(), "alice");

        var follow = control("POST", "/push", Json.createObjectBuilder().add("appid", APP_ID).add("person", p.id()).add("msgType", "event")
                .add("event", "subscribe").build());
        assertEquals("delivered", follow.getString("status"), follow.toString());
        assertNull(unfollowedAt(p.openIdFor(APP_ID)), "a new follow clears it");
    }

    private static Timestamp unfollowedAt(String openId) throws Exception {
        try (Connection c = stack().database().connect();
             PreparedStatement ps = c.prepareStatement("select unfollowed_at from wxbind_wechat_openid where app_id = ? and open_id = ?")) {
            ps.setString(1, APP_ID);
            ps.setString(2, openId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getTimestamp(1);
            }
        }
    }
}
