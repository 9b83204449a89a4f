package io.wxbind.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wxbind.auth.flow.FlowRowsPurge;
import io.wxbind.auth.token.ApiTokenPurge;
import io.wxbind.link.LinkTicketPurge;
import io.wxbind.qr.QrScenePurge;
import io.wxbind.sms.SmsCodePurge;
import io.wxbind.sms.SmsSendPurge;
import io.wxbind.testsupport.JpaTestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The minute purge on real PostgreSQL, with the tables the features contribute: link tickets,
 * QR scenes, used login states (and the others', which must run on the same schema).
 */
class FlowStatePurgerTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();

    private static void linkTicket(String hash, Instant expiresAt) {
        db.inTransaction(em -> em.createNativeQuery("insert into wxbind_link_ticket (ticket_hash, app_id, open_id, created_at,"
                + " expires_at) values (?, 'wx1a2b3c4d5e6f7a8b', 'o-purge', ?, ?)").setParameter(1, hash)
                .setParameter(2, Timestamp.from(expiresAt.minus(Duration.ofMinutes(5)))).setParameter(3, Timestamp.from(expiresAt))
                .executeUpdate());
    }

    private static void qrScene(String id, Instant expiresAt) {
        db.inTransaction(em -> em.createNativeQuery("insert into wxbind_qr_scene (id, purpose, app_id, scene_str, ticket,"
                + " browser_hash, client_ip, status, created_at, expires_at) values (?, 'login', 'wx1a2b3c4d5e6f7a8b', ?, 't', 'b',"
                + " '192.0.2.1', 'pending', ?, ?)").setParameter(1, id).setParameter(2, "login:" + id)
                .setParameter(3, Timestamp.from(expiresAt.minus(Duration.ofMinutes(5)))).setParameter(4, Timestamp.from(expiresAt))
                .executeUpdate());
    }

    private static void usedState(String hash, Instant expiresAt) {
        db.inTransaction(em -> em.createNativeQuery("insert into wxbind_used_state (state_hash, expires_at) values (?, ?)")
                .setParameter(1, hash).setParameter(2, Timestamp.from(expiresAt)).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(String sql) {
        return db.inTransaction(em -> (List<String>) em.createNativeQuery(sql).getResultList());
    }

    @Test
    void purgeWhenRunThenExpiredLinkTicketsAndLongExpiredQrScenesGo() {
        Instant now = Instant.now();
        linkTicket("link-expired", now.minusSeconds(60));
        linkTicket("link-live", now.plus(Duration.ofMinutes(4)));
        qrScene("qr-expired-2h", now.minus(Duration.ofHours(2)));
        qrScene("qr-expired-30m", now.minus(Duration.ofMinutes(30)));
        qrScene("qr-live", now.plus(Duration.ofMinutes(4)));
        usedState("state-expired-2m", now.minus(Duration.ofMinutes(2)));
        usedState("state-expired-10s", now.minusSeconds(10));
        usedState("state-live", now.plus(Duration.ofMinutes(4)));

        db.inTransaction(em -> {
            FlowStatePurger purger = new FlowStatePurger();
            purger.em = em;
            purger.purge(List.of(new FlowRowsPurge(), new LinkTicketPurge(), new QrScenePurge(), new ApiTokenPurge(),
                    new SmsCodePurge(), new SmsSendPurge()));
            return null;
        });

        assertEquals(List.of("link-live"), ids("select ticket_hash from wxbind_link_ticket order by ticket_hash"));
        assertEquals(List.of("qr-expired-30m", "qr-live"), ids("select id from wxbind_qr_scene order by id"),
                "a scene stays an hour after expiry: the per-IP count and late status polls still see it");
        assertEquals(List.of("state-expired-10s", "state-live"), ids("select state_hash from wxbind_used_state order by state_hash"),
                "a used state stays a minute after expiry, for nodes whose clocks lag");
    }
}
