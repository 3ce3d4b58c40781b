package org.keepalivelab.linux;

/**
 * How fast packets have been arriving, counted over windows of 10 ms: whether a nap of the capture's
 * thread would gather enough packets to be worth its wake-up. One thread.
 */
final class ArrivalRate {
    private static final long WINDOW_NANOS = 10_000_000;

    private long windowStart = System.nanoTime();
    private int inWindow;
    /** Packets a nanosecond in the last whole window; 0 until one has passed. */
    private double perNanosecond;

    /** One more packet taken. */
    void taken() {
        inWindow++;
    }

    /** How many packets would arrive in {@code nanos}, at the rate of the last whole window. */
    double expectedIn(long nanos) {
        long now = System.nanoTime();
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            perNanosecond = (double) inWindow / elapsed;
            windowStart = now;
            inWindow = 0;
        }
        return perNanosecond * nanos;
    }
}
