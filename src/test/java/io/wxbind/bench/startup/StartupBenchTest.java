package io.wxbind.bench.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.bench.Figure;
import io.wxbind.bench.Rounds;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupBenchTest {

    private static final Rounds CPU = new Rounds(List.of(30.0, 31.0, 29.0));
    private static final Rounds HELLO_CPU = new Rounds(List.of(20.0, 21.0, 20.0));

    @Test
    void figureWhenRatioWithinTargetThenMetWithMedianOfRoundRatios() {
        Rounds app = new Rounds(List.of(16.0, 30.0, 18.0));
        Rounds hello = new Rounds(List.of(12.0, 15.0, 12.0));

        Figure f = StartupBench.figure(app, hello, CPU, HELLO_CPU);

        assertEquals("P7", f.id());
        assertEquals("18.00 s", f.figure());
        assertEquals("12.00 s", f.baseline());
        // round ratios 1.33, 2.00, 1.50: the median is 1.50, not 18 / 12 by chance
        assertEquals("1.50×", f.ratio());
        assertEquals("≤ 1.5×", f.target());
        assertTrue(f.met());
        assertTrue(f.spread().contains("app n=3, 16.00 s–30.00 s"), f.spread());
        assertTrue(f.spread().contains("CPU to first 200: app 30.0 s, hello 20.0 s, 1.48×"), f.spread());
    }

    @Test
    void figureWhenRatioAboveTargetThenMissed() {
        Rounds app = new Rounds(List.of(20.0, 21.0, 19.0));
        Rounds hello = new Rounds(List.of(12.0, 12.0, 12.0));

        Figure f = StartupBench.figure(app, hello, CPU, HELLO_CPU);

        assertFalse(f.met());
        assertEquals("MISSED", f.verdict());
    }
}
