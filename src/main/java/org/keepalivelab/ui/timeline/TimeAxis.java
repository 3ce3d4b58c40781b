package org.keepalivelab.ui.timeline;

/**
 * Ticks for a time axis in 1-2-5 steps, and every time the timeline shows in one family of words, to
 * the precision each needs: "250 ms", "12.5 s", "1 min 30 s" on the axis, "1 min 58.221312 s" in a
 * mark's details, "3.20 s" for how long a state lasted. Under a minute a time reads in the largest unit
 * it reaches (but no finer than its precision asks), from a minute on in minutes and seconds, from an
 * hour on in hours, minutes and seconds.
 */
public final class TimeAxis {
    /** The precision of a captured segment's or an application event's time in its details. */
    public static final long MICROSECOND = 1_000L;
    /** The precision of a kernel state's time: sampled every 20 ms, finer digits would be noise. */
    public static final long MILLISECOND = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long[] UNITS = {1L, 1_000L, 1_000_000L, SECOND};
    private static final String[] UNIT_NAMES = {"ns", "µs", "ms", "s"};
    private static final int[] STEPS = {1, 2, 5};

    private TimeAxis() {
    }

    /** The smallest 1-2-5 step (ns) at least {@code minNanos} long. */
    public static long step(double minNanos) {
        long decade = 1;
        while (true) {
            for (int s : STEPS) {
                if (decade * s >= minNanos) {
                    return decade * s;
                }
            }
            if (decade > Long.MAX_VALUE / 100) {
                return decade * 10;
            }
            decade *= 10;
        }
    }

    /** The step for a window of {@code spanNanos} across {@code pixels}, with ticks at least {@code minGap} px apart. */
    public static long step(long spanNanos, double pixels, double minGap) {
        long step = step(spanNanos * minGap / Math.max(1, pixels));
        if (step >= MINUTE) {
            return minuteStep(step);
        }
        return step;
    }

    private static long minuteStep(long step) {
        for (long m : new long[] {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1440}) {
            if (m * MINUTE >= step) {
                return m * MINUTE;
            }
        }
        return step;
    }

    /** A tick's label, with as many decimals as the step needs. */
    public static String label(long t, long step) {
        return format(t, step);
    }

    /** A duration for people, to about three digits: "3.20 s", "450 ms", "2 min 05 s". */
    public static String duration(long nanos) {
        return nanos == 0 ? "0 s" : format(nanos, Math.max(1, decade(Math.abs(nanos)) / 100));
    }

    /**
     * {@code t} (ns) to {@code resolution} (ns; rounded down to a power of ten): "12.345679 s" to the
     * microsecond, "1 min 58.221 s" to the millisecond, "1 h 05 min" to the minute.
     */
    public static String format(long t, long resolution) {
        if (t < 0) {
            return "−" + format(-t, resolution);
        }
        long quantum = Math.min(decade(Math.max(1, resolution)), SECOND);
        long rounded = Math.floorDiv(t + quantum / 2, quantum) * quantum;
        if (rounded >= MINUTE) {
            return minutes(rounded, quantum);
        }
        int unit = Math.max(unitOf(rounded), unitFor(resolution));
        return number(rounded, UNITS[unit], quantum) + " " + UNIT_NAMES[unit];
    }

    /** The largest power of ten at most {@code n} (n &ge; 1). */
    private static long decade(long n) {
        long d = 1;
        while (d <= n / 10) {
            d *= 10;
        }
        return d;
    }

    /** The largest unit {@code nanos} reaches; the smallest for 0. */
    private static int unitOf(long nanos) {
        for (int u = UNITS.length - 1; u > 0; u--) {
            if (nanos >= UNITS[u]) {
                return u;
            }
        }
        return 0;
    }

    /** The largest unit the resolution reaches a tenth of: 500 ms steps read "0.5 s", "1.0 s", "1.5 s". */
    private static int unitFor(long resolution) {
        for (int u = UNITS.length - 1; u > 0; u--) {
            if (resolution >= UNITS[u] / 10) {
                return u;
            }
        }
        return 0;
    }

    /** {@code nanos} (a multiple of {@code quantum}) in {@code unit}s, with the decimals the quantum needs. */
    private static String number(long nanos, long unit, long quantum) {
        var text = new StringBuilder().append(nanos / unit);
        if (quantum < unit) {
            String fraction = Long.toString(nanos % unit / quantum);
            int digits = Long.toString(unit / quantum).length() - 1;
            text.append('.').repeat('0', digits - fraction.length()).append(fraction);
        }
        return text.toString();
    }

    /** From a minute on: "1 min 30 s", "2 min", "1 min 58.221312 s", "1 h 05 min 03 s". */
    private static String minutes(long nanos, long quantum) {
        long seconds = nanos / SECOND;
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        var text = new StringBuilder();
        if (h > 0) {
            text.append(h).append(" h ").append(m < 10 ? "0" : "").append(m).append(" min");
        } else {
            text.append(m).append(" min");
        }
        if (quantum == SECOND && s == 0) {
            return text.toString();
        }
        String secs = number(nanos % MINUTE, SECOND, quantum);
        return text.append(' ').append(s < 10 ? "0" : "").append(secs).append(" s").toString();
    }
}
