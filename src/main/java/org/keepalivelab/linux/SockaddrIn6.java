package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.MemoryLayout.unionLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;

/**
 * {@code struct sockaddr_in6} ({@code <netinet/in.h>}): an IPv6 address and port, in network byte
 * order. {@code sin6_addr}, a {@code struct in6_addr}, is a union of byte, 16-bit and 32-bit arrays: the
 * 32-bit one aligns the struct to 4.
 */
final class SockaddrIn6 {
    static final StructLayout LAYOUT = structLayout(
            JAVA_SHORT.withName("sin6_family"),
            JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("sin6_port"),
            JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("sin6_flowinfo"),
            unionLayout(
                    sequenceLayout(16, JAVA_BYTE).withName("s6_addr"),
                    sequenceLayout(4, JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN)).withName("s6_addr32")).withName("sin6_addr"),
            JAVA_INT.withName("sin6_scope_id")).withName("sockaddr_in6");

    private static final VarHandle SIN6_PORT = LAYOUT.varHandle(groupElement("sin6_port"));
    private static final long SIN6_ADDR = LAYOUT.byteOffset(groupElement("sin6_addr"));
    private static final long ADDRESS_BYTES = LAYOUT.select(groupElement("sin6_addr")).byteSize();

    private SockaddrIn6() {
    }

    static InetSocketAddress read(MemorySegment sockaddr) {
        return SocketAddresses.of(sockaddr.asSlice(SIN6_ADDR, ADDRESS_BYTES),
                Short.toUnsignedInt((short) SIN6_PORT.get(sockaddr, 0L)));
    }
}
