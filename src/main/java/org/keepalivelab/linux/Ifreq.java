package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.MemoryLayout.unionLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

/**
 * {@code struct ifreq} ({@code <net/if.h>}): an interface's name, then the union {@code ifr_ifru} of
 * what an interface ioctl reads or writes. Of the union's members only two are declared: the one the
 * lab uses, {@code ifru_flags} ({@code ifr_flags}), and the largest, {@code struct ifmap}, which makes
 * the union 24 bytes aligned to 8 (the others, a {@code sockaddr}, names, an {@code int}, a pointer,
 * are no larger and no more aligned).
 */
final class Ifreq {
    /** {@code IFNAMSIZ}: an interface name's bytes, its terminating NUL included. */
    static final int IFNAMSIZ = 16;

    private static final StructLayout IFMAP = structLayout(
            JAVA_LONG.withName("mem_start"),
            JAVA_LONG.withName("mem_end"),
            JAVA_SHORT.withName("base_addr"),
            JAVA_BYTE.withName("irq"),
            JAVA_BYTE.withName("dma"),
            JAVA_BYTE.withName("port"),
            paddingLayout(3)).withName("ifmap");

    static final StructLayout LAYOUT = structLayout(
            sequenceLayout(IFNAMSIZ, JAVA_BYTE).withName("ifr_name"),
            unionLayout(
                    JAVA_SHORT.withName("ifru_flags"),
                    IFMAP.withName("ifru_map")).withName("ifr_ifru")).withName("ifreq");

    private static final VarHandle IFR_FLAGS = LAYOUT.varHandle(groupElement("ifr_ifru"), groupElement("ifru_flags"));

    private final MemorySegment segment;

    /** A request about the interface {@code name}, everything else zero. */
    Ifreq(Arena arena, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("An interface name has at most " + (IFNAMSIZ - 1) + " bytes: " + name);
        }
        segment = arena.allocate(LAYOUT); // zeroed: the name ends with NUL
        segment.copyFrom(MemorySegment.ofArray(bytes));
    }

    MemorySegment segment() {
        return segment;
    }

    /** {@code ifr_flags}: the interface's {@code IFF_} flags. */
    short flags() {
        return (short) IFR_FLAGS.get(segment, 0L);
    }

    void setFlags(short flags) {
        IFR_FLAGS.set(segment, 0L, flags);
    }
}
