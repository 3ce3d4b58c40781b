package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * {@code struct timeval} ({@code <sys/time.h>}): seconds ({@code time_t}) and microseconds
 * ({@code suseconds_t}), as {@code SO_RCVTIMEO} takes a timeout.
 */
final class Timeval {
    static final StructLayout LAYOUT = structLayout(
            JAVA_LONG.withName("tv_sec"),
            JAVA_LONG.withName("tv_usec")).withName("timeval");

    private static final VarHandle TV_SEC = LAYOUT.varHandle(groupElement("tv_sec"));
    private static final VarHandle TV_USEC = LAYOUT.varHandle(groupElement("tv_usec"));
    private static final int NANOS_PER_MICRO = 1000;

    private Timeval() {
    }

    /** A timeval of {@code duration}, to the microsecond. */
    static MemorySegment of(Arena arena, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A timeval cannot be negative: " + duration);
        }
        var segment = arena.allocate(LAYOUT);
        TV_SEC.set(segment, 0L, duration.toSeconds());
        TV_USEC.set(segment, 0L, (long) (duration.toNanosPart() / NANOS_PER_MICRO));
        return segment;
    }
}
