package org.keepalivelab.ui.timeline;

/**
 * The time window the timeline shows. Following live, the window ends just after now; zooming keeps
 * following; panning or fitting stops it until {@link #followLive()}.
 */
public final class Viewport {
    public static final long MIN_SPAN = 10_000L;                 // 10 µs
    public static final long MAX_SPAN = 48L * 3600 * 1_000_000_000L;
    public static final long DEFAULT_SPAN = 20_000_000_000L;     // 20 s
    private static final double LIVE_MARGIN = 0.04;

    private boolean follow = true;
    private long span = DEFAULT_SPAN;
    private long start;
    private long version;

    /** The window's start for a lab that has run until {@code now}. */
    public long start(long now) {
        if (!follow) {
            return start;
        }
        long end = now + (long) (span * LIVE_MARGIN);
        return Math.max(0, end - span);
    }

    public long end(long now) {
        return start(now) + span;
    }

    public long span() {
        return span;
    }

    public boolean following() {
        return follow;
    }

    /** Changes each time the user moves the window (not as live time passes). */
    public long version() {
        return version;
    }

    /** Zooms by {@code factor} (&lt;1 in) keeping {@code anchor} where it is; following live keeps following. */
    public void zoom(double factor, long anchor, long now) {
        long oldStart = start(now);
        long oldSpan = span;
        span = clamp((long) (span * factor), MIN_SPAN, MAX_SPAN);
        if (!follow) {
            double at = (anchor - oldStart) / (double) oldSpan;
            start = anchor - (long) (at * span);
        }
        version++;
    }

    /** Moves the window by {@code nanos} (negative: back in time); stops following live. */
    public void pan(long nanos, long now) {
        start = start(now) + nanos;
        follow = false;
        version++;
    }

    /** Shows {@code from..to} with a small margin; stops following live. */
    public void show(long from, long to) {
        long width = Math.max(MIN_SPAN, to - from);
        span = clamp(width + width / 25, MIN_SPAN, MAX_SPAN);
        start = from - width / 50;
        follow = false;
        version++;
    }

    public void followLive() {
        follow = true;
        version++;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
