package io.wxbind.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallCounterTest {

    private final CallCounter counter = new CallCounter();

    @Test
    void recordWhenCalledThenTotalsAndPerAppCounts() {
        counter.record("/api/cgi-bin/token", "wxa");
        counter.record("/api/cgi-bin/token", "wxa");
        counter.record("/api/cgi-bin/token", "wxb");
        counter.record("/api/cgi-bin/token", null);
        assertEquals(new CallCounter.Count(4, Map.of("wxa", 2L, "wxb", 1L)), counter.of("/api/cgi-bin/token"));
        assertEquals(new CallCounter.Count(0, Map.of()), counter.of("/api/sns/auth"));
    }

    @Test
    void recordWhenTooManyDistinctPathsThenRestPooled() {
        for (int i = 0; i < CallCounter.MAX_PATHS + 5; i++) {
            counter.record("/api/x" + i, null);
        }
        assertEquals(CallCounter.MAX_PATHS + 1, counter.all().size());
        assertEquals(5, counter.of(CallCounter.OTHER_PATHS).total());
        counter.reset();
        assertEquals(0, counter.all().size());
    }
}
