package org.keepalivelab.imports;

/**
 * pcapng's timestamps (draft-ietf-opsawg-pcapng, section 4.2, {@code if_tsresol} and {@code if_tsoffset}):
 * a 64-bit count of units since the epoch, the unit 10^-n s (the option's high bit clear) or 2^-n s (set),
 * 10^-6 when the interface says nothing, plus a signed offset in whole seconds.
 */
final class Timestamps {
    static final int DEFAULT_RESOLUTION = 6;
    /** {@code if_tsresol} 9: a stamp counts ns, as a classic pcap file's of magic {@code 0xa1b23c4d} does. */
    static final int NANOSECONDS = 9;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int BINARY = 0x80;
    /** 10^18 is the largest power of ten a long holds; 2^62 the largest power of two that stays positive. */
    private static final int MAX_DECIMAL = 18;
    private static final int MAX_BINARY = 62;
    private static final long[] POWERS_OF_TEN = new long[MAX_DECIMAL + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= MAX_DECIMAL; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private Timestamps() {
    }

    static boolean readable(int resolution) {
        return (resolution & BINARY) == 0 ? resolution <= MAX_DECIMAL : (resolution & ~BINARY) <= MAX_BINARY;
    }

    static String unreadable(int resolution) {
        return String.format("if_tsresol 0x%02x asks for units finer than the lab reads (10^-%d or 2^-%d s)",
                resolution, MAX_DECIMAL, MAX_BINARY);
    }

    /**
     * The time of {@code stamp} units (unsigned) in ns since the epoch. Stamps that put it beyond 2262
     * wrap around, as nonsense in, nonsense out, never an exception.
     */
    static long epochNanos(long stamp, int resolution, long offsetSeconds) {
        long unitsPerSecond = unitsPerSecond(resolution);
        long seconds = Long.divideUnsigned(stamp, unitsPerSecond);
        long fraction = Long.remainderUnsigned(stamp, unitsPerSecond);
        long nanos;
        if (unitsPerSecond <= NANOS_PER_SECOND && NANOS_PER_SECOND % unitsPerSecond == 0) {
            nanos = fraction * (NANOS_PER_SECOND / unitsPerSecond);
        } else if ((resolution & BINARY) == 0) {
            nanos = fraction / (unitsPerSecond / NANOS_PER_SECOND);
        } else {
            nanos = (long) ((double) fraction / unitsPerSecond * 1e9); // 2^-n s: within a nanosecond
        }
        return (seconds + offsetSeconds) * NANOS_PER_SECOND + nanos;
    }

    /**
     * The other way: the stamp in {@code resolution}'s units that means {@code epochNanos}, rounded down to
     * a unit (a Simple Packet Block's borrowed time, written again in its interface's units). Wraps like
     * {@link #epochNanos} where the units cannot count that far.
     */
    static long stamp(long epochNanos, int resolution, long offsetSeconds) {
        long nanos = epochNanos - offsetSeconds * NANOS_PER_SECOND;
        long unitsPerSecond = unitsPerSecond(resolution);
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long fraction = Math.floorMod(nanos, NANOS_PER_SECOND);
        long units;
        if (unitsPerSecond <= NANOS_PER_SECOND && NANOS_PER_SECOND % unitsPerSecond == 0) {
            units = fraction / (NANOS_PER_SECOND / unitsPerSecond);
        } else if ((resolution & BINARY) == 0) {
            units = fraction * (unitsPerSecond / NANOS_PER_SECOND);
        } else {
            units = (long) (fraction / 1e9 * unitsPerSecond);
        }
        return seconds * unitsPerSecond + units;
    }

    private static long unitsPerSecond(int resolution) {
        return (resolution & BINARY) == 0 ? POWERS_OF_TEN[resolution] : 1L << (resolution & ~BINARY);
    }
}
