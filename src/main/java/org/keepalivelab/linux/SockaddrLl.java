package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@code struct sockaddr_ll} ({@code <linux/if_packet.h>}): a link-level address, which ties a packet
 * socket to one interface and one protocol. {@code sll_protocol} is {@code __be16}: the layout stores
 * it in network byte order itself.
 */
final class SockaddrLl {
    static final StructLayout LAYOUT = structLayout(
            JAVA_SHORT.withName("sll_family"),
            JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("sll_protocol"),
            JAVA_INT.withName("sll_ifindex"),
            JAVA_SHORT.withName("sll_hatype"),
            JAVA_BYTE.withName("sll_pkttype"),
            JAVA_BYTE.withName("sll_halen"),
            sequenceLayout(8, JAVA_BYTE).withName("sll_addr")).withName("sockaddr_ll");

    private static final VarHandle SLL_FAMILY = LAYOUT.varHandle(groupElement("sll_family"));
    private static final VarHandle SLL_PROTOCOL = LAYOUT.varHandle(groupElement("sll_protocol"));
    private static final VarHandle SLL_IFINDEX = LAYOUT.varHandle(groupElement("sll_ifindex"));

    private SockaddrLl() {
    }

    /** The address for bind(2): {@code protocol} (an {@code ETH_P_} number) on the interface {@code ifindex}. */
    static MemorySegment of(Arena arena, short protocol, int ifindex) {
        var segment = arena.allocate(LAYOUT);
        SLL_FAMILY.set(segment, 0L, (short) LibC.AF_PACKET);
        SLL_PROTOCOL.set(segment, 0L, protocol);
        SLL_IFINDEX.set(segment, 0L, ifindex);
        return segment;
    }
}
