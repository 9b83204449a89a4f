package io.wxbind.simulator.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.oauth.AuthCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MiniProgramCodesTest {

    private static final String MINI = "wx7e6d5c4b3a291807";
    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC));
    private final MiniProgramCodes codes = new MiniProgramCodes(clock);

    @Test
    void redeemLoginWhenFreshThenGrantAndSecondTime40163() {
        String code = codes.issueLogin(MINI, "zhang-wei");
        AuthCodes.Redemption first = codes.redeemLogin(code, MINI, g -> 0);
        assertEquals(0, first.errcode());
        assertEquals("zhang-wei", first.grant().personId());
        assertEquals(40163, codes.redeemLogin(code, MINI, g -> 0).errcode());
    }

    @Test
    void redeemLoginWhenManyAtTheSameMomentThenExactlyOneSucceeds() throws Exception {
        String code = codes.issueLogin(MINI, "zhang-wei");
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return codes.redeemLogin(code, MINI, g -> 0).errcode();
                }));
            }
            start.countDown();
            int ok = 0;
            int used = 0;
            for (Future<Integer> answer : answers) {
                int errcode = answer.get();
                ok += errcode == 0 ? 1 : 0;
                used += errcode == 40163 ? 1 : 0;
            }
            assertEquals(1, ok);
            assertEquals(threads - 1, used);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void redeemWhenFiveMinutesOnSimClockThen40029() {
        String login = codes.issueLogin(MINI, "zhang-wei");
        String phone = codes.issuePhone(MINI, "zhang-wei");
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        String stillValid = codes.issueLogin(MINI, "li-na");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(40029, codes.redeemLogin(login, MINI, g -> 0).errcode());
        assertEquals(40029, codes.redeemPhone(phone, MINI, g -> 0).errcode());
        assertEquals(0, codes.redeemLogin(stillValid, MINI, g -> 0).errcode());
    }

    @Test
    void redeemWhenOtherKindOrOtherAppThen40029() {
        String login = codes.issueLogin(MINI, "zhang-wei");
        String phone = codes.issuePhone(MINI, "zhang-wei");
        assertEquals(40029, codes.redeemPhone(login, MINI, g -> 0).errcode());
        assertEquals(40029, codes.redeemLogin(phone, MINI, g -> 0).errcode());
        assertEquals(40029, codes.redeemLogin(login, "wx0f1e2d3c4b5a6978", g -> 0).errcode());
        assertEquals(0, codes.redeemLogin(login, MINI, g -> 0).errcode());
    }

    @Test
    void redeemWhenCheckRefusesThenItsErrcodeAndCodeStaysUsable() {
        String phone = codes.issuePhone(MINI, "zhang-wei");
        assertEquals(40029, codes.redeemPhone(phone, MINI, g -> 40029).errcode());
        assertEquals(45011, codes.redeemPhone(phone, MINI, g -> 45011).errcode());
        AuthCodes.Redemption owner = codes.redeemPhone(phone, MINI, g -> 0);
        assertEquals(0, owner.errcode());
        assertEquals(MiniProgramCodes.PHONE, owner.grant().scope());
    }
}
