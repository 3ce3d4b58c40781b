package org.keepalivelab.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rate a nap is decided by: the last whole 10 ms window's, and none before one has passed. */
class ArrivalRateTest {
    @Test
    void expectsPacketsAtTheLastWholeWindowsRate() throws InterruptedException {
        long start = System.nanoTime();
        var rate = new ArrivalRate();
        for (int i = 0; i < 1000; i++) {
            rate.taken();
        }
        assertEquals(0, rate.expectedIn(1_000_000), "no window has passed yet");
        Thread.sleep(12);
        double expected = rate.expectedIn(1_000_000); // 1,000 packets over at least 12 ms
        long elapsed = System.nanoTime() - start;
        double atMost = 1000 * 1e6 / 12e6;
        double atLeast = 1000 * 1e6 / elapsed;
        assertTrue(expected <= atMost && expected >= atLeast,
                expected + " packets a millisecond, not within " + atLeast + ".." + atMost);
        Thread.sleep(12);
        assertEquals(0, rate.expectedIn(1_000_000), "after a window with no packet, nothing is expected");
    }
}
