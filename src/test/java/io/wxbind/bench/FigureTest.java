package io.wxbind.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void fromLineWhenWrittenByToLineThenSameFigureWithTabsAndBreaksAsSpaces() {
        Figure f = new Figure("P5", "login latency", "p50 108 ms,\tp99 123 ms", "100 ms", "p99 − latency = 23 ms",
                "n=5,\n108–110", "p99 ≤ 130 ms", true);

        Figure back = Figure.fromLine(f.toLine());

        assertEquals(new Figure("P5", "login latency", "p50 108 ms, p99 123 ms", "100 ms", "p99 − latency = 23 ms",
                "n=5, 108–110", "p99 ≤ 130 ms", true), back);
    }

    @Test
    void fromLineWhenNoTargetOrEmptyTextsThenKept() {
        Figure f = new Figure("P4", "per CPU-second", "1 ops", "", "2×", "", "", null);

        assertEquals(f, Figure.fromLine(f.toLine()));
    }

    @Test
    void fromLineWhenNotEightFieldsThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> Figure.fromLine("P1\tonly two"));
    }
}
