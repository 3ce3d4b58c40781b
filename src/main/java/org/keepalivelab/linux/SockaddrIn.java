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
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;

/**
 * {@code struct sockaddr_in} ({@code <netinet/in.h>}): an IPv4 address and port, both in network byte
 * order. {@code sin_addr} is a {@code struct in_addr}, one 32-bit {@code s_addr}.
 */
final class SockaddrIn {
    static final StructLayout LAYOUT = structLayout(
            JAVA_SHORT.withName("sin_family"),
            JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("sin_port"),
            structLayout(JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("s_addr")).withName("sin_addr"),
            sequenceLayout(8, JAVA_BYTE).withName("sin_zero")).withName("sockaddr_in");

    private static final VarHandle SIN_FAMILY = LAYOUT.varHandle(groupElement("sin_family"));
    private static final VarHandle SIN_PORT = LAYOUT.varHandle(groupElement("sin_port"));
    private static final long SIN_ADDR = LAYOUT.byteOffset(groupElement("sin_addr"));
    private static final long ADDRESS_BYTES = LAYOUT.select(groupElement("sin_addr")).byteSize();

    private SockaddrIn() {
    }

    /** {@code address} and {@code port} as a {@code sockaddr_in}, in memory of {@code arena}. */
    static MemorySegment of(Arena arena, Inet4Address address, int port) {
        var sockaddr = arena.allocate(LAYOUT);
        SIN_FAMILY.set(sockaddr, 0L, (short) LibC.AF_INET);
        SIN_PORT.set(sockaddr, 0L, (short) port);
        sockaddr.asSlice(SIN_ADDR, ADDRESS_BYTES).copyFrom(MemorySegment.ofArray(address.getAddress()));
        return sockaddr;
    }

    static InetSocketAddress read(MemorySegment sockaddr) {
        return SocketAddresses.of(sockaddr.asSlice(SIN_ADDR, ADDRESS_BYTES),
                Short.toUnsignedInt((short) SIN_PORT.get(sockaddr, 0L)));
    }
}
