package io.wxbind.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wxbind.config.MiniProgramConfig;
import io.wxbind.testsupport.JpaTestDatabase;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On real PostgreSQL: a code is claimed once; an address claims at most N codes a minute. */
class UsedJsCodesTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();

    private static UsedJsCodes codes(jakarta.persistence.EntityManager em, long perMinute) {
        UsedJsCodes codes = new UsedJsCodes();
        codes.em = em;
        codes.config = new MiniProgramConfig(Optional.empty(), perMinute);
        return codes;
    }

    private static UsedJsCodes.Claim claim(String code, String address, Instant at, long perMinute) {
        return db.inTransaction(em -> codes(em, perMinute).claim("wxMINI", code, address, at, at.plusSeconds(360)));
    }

    @Test
    void claimWhenSameCodeAgainThenUsedAndOtherAppsCodeIsItsOwn() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        String code = "code-" + System.nanoTime();
        assertEquals(UsedJsCodes.Claim.CLAIMED, claim(code, "10.1.0.1", now, 100));
        assertEquals(UsedJsCodes.Claim.USED, claim(code, "10.1.0.2", now, 100), "anyone's second claim");
        assertEquals(UsedJsCodes.Claim.CLAIMED, db.inTransaction(em -> codes(em, 100).claim("wxAPP", code, "10.1.0.1", now, now.plusSeconds(60))));
    }

    @Test
    void claimWhenAddressOverItsMinuteThenThrottledOthersNotAndLaterAgain() {
        Instant now = Instant.parse("2026-12-03T11:00:00Z");
        String address = "10.2.0." + (System.nanoTime() % 200);
        for (int i = 0; i < 3; i++) {
            assertEquals(UsedJsCodes.Claim.CLAIMED, claim("a" + i + "-" + System.nanoTime(), address, now, 3));
        }
        String fourth = "a3-" + System.nanoTime();
        assertEquals(UsedJsCodes.Claim.THROTTLED, claim(fourth, address, now.plusSeconds(1), 3));
        assertEquals(UsedJsCodes.Claim.CLAIMED, claim("b-" + System.nanoTime(), "10.3.0.1", now.plusSeconds(1), 3), "another address");
        assertEquals(UsedJsCodes.Claim.CLAIMED, claim(fourth, address, now.plusSeconds(61), 3), "a throttled code was not spent");
    }
}
