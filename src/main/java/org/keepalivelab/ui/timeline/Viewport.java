package org.keepalivelab.ui.timeline;

/**
 * The time window the timeline shows, kept within the lab: it never starts before the lab did (0), nor
 * reaches more than a tenth past the lab's length (the later of now and its last event; at least
 * {@link #FLOOR}), nor spans less than {@link #MIN_SPAN}. Following live, the window ends just after
 * now, and while the lab is shorter than the span asked for it shows the whole lab, now near its right
 * edge; zooming keeps following; panning or fitting stops it until {@link #followLive()}. The lab's
 * length only grows: each frame tells it ({@link #reach}), and so does every call given {@code now}.
 */
public final class Viewport {
    /**
     * 10 µs: about 1 µs per 100 px of a 1000-px plot. The capture's timestamps are nanoseconds, but on
     * loopback a segment and its ACK are 10-50 µs apart and the kernel's scheduling moves each by
     * microseconds: a finer window shows only that noise.
     */
    public static final long MIN_SPAN = 10_000L;
    public static final long DEFAULT_SPAN = 20_000_000_000L;     // 20 s
    /**
     * 10 s: the least window a lab is shown in, however young. The seed's story (connect, send, kill,
     * the first probes of a one-second keep-alive) plays out in it, and the window does not rescale
     * every frame while the lab's first seconds pass.
     */
    public static final long FLOOR = 10_000_000_000L;
    /** Following live, now sits this fraction of the window before its end. */
    private static final double LIVE_MARGIN = 0.04;

    private boolean follow = true;
    private long span = DEFAULT_SPAN;
    private long start;
    private long length;
    private long version;

    /** Tells the viewport the lab has run this long: the later of now and its last event. */
    public void reach(long labLength) {
        length = Math.max(length, labLength);
    }

    /** The window's start for a lab that has run until {@code now}. */
    public long start(long now) {
        long shown = span(now);
        if (follow) {
            return Math.max(0, lengthAt(now) + (long) (shown * LIVE_MARGIN) - shown);
        }
        return Math.clamp(start, 0, limit(now) - shown);
    }

    public long end(long now) {
        return start(now) + span(now);
    }

    /** The span shown, for the lab's length as last told. */
    public long span() {
        return span(length);
    }

    /**
     * The span shown. Following live, a span the lab cannot fill yet (the default one in its first
     * seconds) shows the whole lab instead, growing with it, now a tenth before the right edge.
     */
    private long span(long now) {
        long limit = limit(now);
        if (span <= limit) {
            return span;
        }
        return follow ? Math.max(FLOOR, lengthAt(now) + lengthAt(now) / 10) : limit;
    }

    private long lengthAt(long now) {
        return Math.max(length, now);
    }

    /** The farthest a window may reach: a tenth past the lab's length, or past {@link #FLOOR} (a young lab's window, zoomed out). */
    private long limit(long now) {
        long extent = Math.max(FLOOR, lengthAt(now));
        return extent + extent / 10;
    }

    public boolean following() {
        return follow;
    }

    /** Changes each time the user moves the window (not as live time passes). */
    public long version() {
        return version;
    }

    /**
     * Zooms the window shown by {@code factor} (&lt;1 in) keeping {@code anchor} where it is, within the
     * lab; following live keeps following.
     */
    public void zoom(double factor, long anchor, long now) {
        reach(now);
        long oldStart = start(now);
        long oldSpan = span(now);
        span = Math.clamp((long) (oldSpan * factor), MIN_SPAN, limit(now));
        if (!follow) {
            double at = (anchor - oldStart) / (double) oldSpan;
            start = Math.clamp(anchor - (long) (at * span), 0, limit(now) - span);
        }
        version++;
    }

    /** Moves the window by {@code nanos} (negative: back in time), within the lab; stops following live. */
    public void pan(long nanos, long now) {
        reach(now);
        long from = start(now);
        span = span(now); // as shown: a live window shorter than the span asked for keeps its size
        follow = false;
        start = Math.clamp(from + nanos, 0, limit(now) - span);
        version++;
    }

    /**
     * Brings {@code t} into the window: a window that shows it with a twentieth of its span to spare on
     * each side stays; else the window, its span kept, centres on it (within the lab) and stops following.
     */
    public void reveal(long t, long now) {
        reach(now);
        long from = start(now);
        long shown = span(now);
        if (t >= from + shown / 20 && t <= from + shown - shown / 20) {
            return;
        }
        span = shown;
        follow = false;
        start = Math.clamp(t - shown / 2, 0, limit(now) - shown);
        version++;
    }

    /** Shows {@code from..to} with a small margin, within the lab; stops following live. */
    public void show(long from, long to) {
        long width = Math.max(MIN_SPAN, to - from);
        span = Math.clamp(width + width / 25, MIN_SPAN, limit(length));
        start = Math.clamp(from - width / 50, 0, limit(length) - span);
        follow = false;
        version++;
    }

    /**
     * Follows live time again. A window zoomed out past both the default span and the whole lab (as
     * "whole lab" leaves it) comes back to the default span: following so much would barely move.
     */
    public void followLive() {
        if (span > Math.max(DEFAULT_SPAN, length)) {
            span = DEFAULT_SPAN;
        }
        follow = true;
        version++;
    }
}
