package org.keepalivelab.model;

import java.time.Instant;

/**
 * The lab's one clock: nanoseconds since the lab started, on {@code CLOCK_REALTIME}, the clock the
 * kernel stamps captured packets with. Application events read it through {@link #now()}, packets
 * convert their kernel stamp with {@link #sinceStart(long)}, so both line up on the timeline.
 */
public final class LabClock {
    private final long startEpochNanos;

    public LabClock() {
        this(epochNanos(Instant.now()));
    }

    public LabClock(long startEpochNanos) {
        this.startEpochNanos = startEpochNanos;
    }

    public long startEpochNanos() {
        return startEpochNanos;
    }

    /** Now, in nanoseconds since the lab started. */
    public long now() {
        return sinceStart(epochNanos(Instant.now()));
    }

    /** A {@code CLOCK_REALTIME} stamp in nanoseconds since the epoch, as nanoseconds since the lab started. */
    public long sinceStart(long epochNanos) {
        return epochNanos - startEpochNanos;
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
