package org.keepalivelab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One family of words for every time the timeline shows: the axis's, with the digits each needs. */
class TimeAxisTest {
    private static final long S = 1_000_000_000L;

    @Test
    void pastAMinuteTheAxisAndTheDetailsReadMinutesAndSeconds() {
        long t = 118 * S + 221_312_000;
        assertEquals("1 min 58 s", TimeAxis.label(118 * S, S));
        assertEquals("1 min 58.25 s", TimeAxis.label(118 * S + 250_000_000, 50_000_000), "not 118.25 s when zoomed in");
        assertEquals("1 min 58.221312 s", TimeAxis.format(t, TimeAxis.MICROSECOND));
        assertEquals("1 min 58.221 s", TimeAxis.format(t, TimeAxis.MILLISECOND));
        assertEquals("2 min", TimeAxis.label(120 * S, 30 * S));
    }

    @Test
    void pastAnHourHoursMinutesAndSeconds() {
        assertEquals("1 h 05 min", TimeAxis.label(65 * 60 * S, 5 * 60 * S));
        assertEquals("1 h 05 min 10 s", TimeAxis.label(65 * 60 * S + 10 * S, 10 * S), "ten-second ticks stay apart");
        assertEquals("1 h 02 min 03.500 s", TimeAxis.format(3723 * S + 500_000_000, TimeAxis.MILLISECOND));
    }

    @Test
    void underAMinuteTheLargestUnitTheTimeReaches() {
        assertEquals("0 s", TimeAxis.label(0, 2 * S));
        assertEquals("0.5 s", TimeAxis.label(S / 2, S / 2));
        assertEquals("950 ms", TimeAxis.label(950_000_000, 50_000_000));
        assertEquals("1.05 s", TimeAxis.label(1_050_000_000, 50_000_000), "not 1050 ms");
        assertEquals("12.345679 s", TimeAxis.format(12_345_678_900L, TimeAxis.MICROSECOND));
        assertEquals("123.457 ms", TimeAxis.format(123_456_789, TimeAxis.MICROSECOND));
        assertEquals("1 min 00.000000 s", TimeAxis.format(59_999_999_800L, TimeAxis.MICROSECOND), "rounded up to a minute");
    }

    @Test
    void durationsToAboutThreeDigits() {
        assertEquals("3.20 s", TimeAxis.duration(3_200_000_000L));
        assertEquals("450 ms", TimeAxis.duration(450_000_000));
        assertEquals("12.3 s", TimeAxis.duration(12_300_000_000L));
        assertEquals("2 min 05 s", TimeAxis.duration(125 * S));
        assertEquals("1.50 µs", TimeAxis.duration(1_500));
        assertEquals("0 s", TimeAxis.duration(0));
    }
}
