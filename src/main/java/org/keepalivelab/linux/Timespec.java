package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/** {@code struct timespec} ({@code <time.h>}): seconds ({@code time_t}) and nanoseconds ({@code long}). */
final class Timespec {
    static final StructLayout LAYOUT = structLayout(
            JAVA_LONG.withName("tv_sec"),
            JAVA_LONG.withName("tv_nsec")).withName("timespec");

    private static final VarHandle TV_SEC = LAYOUT.varHandle(groupElement("tv_sec"));
    private static final VarHandle TV_NSEC = LAYOUT.varHandle(groupElement("tv_nsec"));
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final MemorySegment segment;

    /** The timespec the kernel writes at {@code segment}. */
    Timespec(MemorySegment segment) {
        this.segment = segment;
    }

    /** The time in nanoseconds since its clock's epoch. */
    long nanos() {
        return (long) TV_SEC.get(segment, 0L) * NANOS_PER_SECOND + (long) TV_NSEC.get(segment, 0L);
    }
}
