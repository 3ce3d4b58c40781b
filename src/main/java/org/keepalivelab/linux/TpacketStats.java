package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * {@code struct tpacket_stats} ({@code <linux/if_packet.h>}): what {@code PACKET_STATISTICS} reports,
 * counted since the last time it was read (reading resets the counters).
 */
final class TpacketStats {
    static final StructLayout LAYOUT = structLayout(
            JAVA_INT.withName("tp_packets"),
            JAVA_INT.withName("tp_drops")).withName("tpacket_stats");

    private static final VarHandle TP_DROPS = LAYOUT.varHandle(groupElement("tp_drops"));

    private final MemorySegment segment;

    /** Room for the kernel to write the counts into. */
    TpacketStats(Arena arena) {
        segment = arena.allocate(LAYOUT);
    }

    MemorySegment segment() {
        return segment;
    }

    /** {@code tp_drops}: packets dropped for want of buffer (an {@code unsigned int}). */
    long drops() {
        return Integer.toUnsignedLong((int) TP_DROPS.get(segment, 0L));
    }
}
