package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * {@code struct tpacket2_hdr} ({@code <linux/if_packet.h>}): the header the kernel writes at the start of
 * each frame of a {@code TPACKET_V2} receive ring. Every accessor reads the frame that starts at
 * {@code frame} in the ring's memory.
 *
 * <p>{@code tp_status} is the hand-over word: the kernel writes the frame, then, after a write barrier
 * ({@code smp_wmb} in {@code __packet_set_status}, {@code net/packet/af_packet.c}), sets it to
 * {@code TP_STATUS_USER}; the reader hands the frame back by setting it to {@code TP_STATUS_KERNEL}. So
 * the status is read with acquire semantics, before any other field, and written back with release
 * semantics, after the last read of the frame.
 */
final class Tpacket2Hdr {
    static final StructLayout LAYOUT = structLayout(
            JAVA_INT.withName("tp_status"),
            JAVA_INT.withName("tp_len"),
            JAVA_INT.withName("tp_snaplen"),
            JAVA_SHORT.withName("tp_mac"),
            JAVA_SHORT.withName("tp_net"),
            JAVA_INT.withName("tp_sec"),
            JAVA_INT.withName("tp_nsec"),
            JAVA_SHORT.withName("tp_vlan_tci"),
            JAVA_SHORT.withName("tp_vlan_tpid"),
            sequenceLayout(4, JAVA_BYTE).withName("tp_padding")).withName("tpacket2_hdr");

    /** The frame belongs to the kernel, which may fill it. */
    static final int TP_STATUS_KERNEL = 0;
    /** The frame holds a packet for the reader. */
    static final int TP_STATUS_USER = 1;

    private static final VarHandle TP_STATUS = LAYOUT.varHandle(groupElement("tp_status"));
    private static final VarHandle TP_LEN = LAYOUT.varHandle(groupElement("tp_len"));
    private static final VarHandle TP_SNAPLEN = LAYOUT.varHandle(groupElement("tp_snaplen"));
    private static final VarHandle TP_NET = LAYOUT.varHandle(groupElement("tp_net"));
    private static final VarHandle TP_SEC = LAYOUT.varHandle(groupElement("tp_sec"));
    private static final VarHandle TP_NSEC = LAYOUT.varHandle(groupElement("tp_nsec"));

    private Tpacket2Hdr() {
    }

    /** True once the kernel has handed the frame over: it holds a packet. */
    static boolean handedOver(MemorySegment ring, long frame) {
        return ((int) TP_STATUS.getAcquire(ring, frame) & TP_STATUS_USER) != 0;
    }

    /** Hands the frame back to the kernel; the frame's bytes must not be read after. */
    static void handBack(MemorySegment ring, long frame) {
        TP_STATUS.setRelease(ring, frame, TP_STATUS_KERNEL);
    }

    /** {@code tp_len}: the packet's length on the wire, whatever of it the frame holds. */
    static int length(MemorySegment ring, long frame) {
        return (int) TP_LEN.get(ring, frame);
    }

    /** {@code tp_snaplen}: how many of the packet's bytes the frame holds. */
    static int captured(MemorySegment ring, long frame) {
        return (int) TP_SNAPLEN.get(ring, frame);
    }

    /** {@code tp_net}: where in the frame the packet's network header starts. */
    static int networkOffset(MemorySegment ring, long frame) {
        return Short.toUnsignedInt((short) TP_NET.get(ring, frame));
    }

    /**
     * {@code tp_sec} and {@code tp_nsec}, the kernel's receive stamp ({@code CLOCK_REALTIME}), as
     * nanoseconds since the epoch; the seconds are an unsigned 32-bit count, good until 2106.
     */
    static long timestampNanos(MemorySegment ring, long frame) {
        return Integer.toUnsignedLong((int) TP_SEC.get(ring, frame)) * 1_000_000_000L
                + Integer.toUnsignedLong((int) TP_NSEC.get(ring, frame));
    }
}
