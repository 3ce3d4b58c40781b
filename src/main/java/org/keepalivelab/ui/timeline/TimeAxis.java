package org.keepalivelab.ui.timeline;

/**
 * Ticks for a time axis in 1-2-5 steps, and time in readable units: "250 ms", "12 s", "1 min 30 s".
 */
public final class TimeAxis {
    private static final long[] UNITS = {1L, 1_000L, 1_000_000L, 1_000_000_000L};
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
        if (step >= 60_000_000_000L) {
            return minuteStep(step);
        }
        return step;
    }

    private static long minuteStep(long step) {
        long minute = 60_000_000_000L;
        for (long m : new long[] {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1440}) {
            if (m * minute >= step) {
                return m * minute;
            }
        }
        return step;
    }

    /** A tick's label, with as many decimals as the step needs. */
    public static String label(long t, long step) {
        if (step >= 60_000_000_000L || Math.abs(t) >= 60_000_000_000L && step >= 1_000_000_000L) {
            return minutes(t);
        }
        int unit = unitFor(step);
        return number(t, UNITS[unit], decimals(step, UNITS[unit])) + " " + UNIT_NAMES[unit];
    }

    private static final String[] UNIT_NAMES = {"ns", "µs", "ms", "s"};

    /** A duration for people: "3.2 s", "450 ms", "2 min 05 s". */
    public static String duration(long nanos) {
        long abs = Math.abs(nanos);
        if (abs == 0) {
            return "0 s";
        }
        if (abs >= 60_000_000_000L) {
            return minutes(nanos);
        }
        int unit = abs >= 1_000_000_000L ? 3 : abs >= 1_000_000L ? 2 : abs >= 1_000L ? 1 : 0;
        double value = nanos / (double) UNITS[unit];
        int decimals = Math.abs(value) >= 100 || unit == 0 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f %s", value, UNIT_NAMES[unit]);
    }

    /** A precise time for details: "12.345678 s". */
    public static String precise(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.6f s", nanos / 1e9);
    }

    /** The largest unit the step reaches a tenth of: 500 ms steps read "0.5 s", "1 s", "1.5 s". */
    private static int unitFor(long step) {
        for (int u = UNITS.length - 1; u > 0; u--) {
            if (step >= UNITS[u] / 10) {
                return u;
            }
        }
        return 0;
    }

    private static int decimals(long step, long unit) {
        int d = 0;
        long s = step;
        while (s % unit != 0 && d < 3) {
            s *= 10;
            d++;
        }
        return d;
    }

    private static String number(long t, long unit, int decimals) {
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", t / (double) unit);
    }

    private static String minutes(long t) {
        long seconds = Math.round(t / 1e9);
        String sign = seconds < 0 ? "−" : "";
        seconds = Math.abs(seconds);
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        if (h > 0) {
            return String.format(java.util.Locale.ROOT, "%s%d h %02d min", sign, h, m);
        }
        return s == 0 ? String.format(java.util.Locale.ROOT, "%s%d min", sign, m)
                : String.format(java.util.Locale.ROOT, "%s%d min %02d s", sign, m, s);
    }
}
