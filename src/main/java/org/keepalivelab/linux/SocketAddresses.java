package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.unionLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.keepalivelab.linux.LibC.AF_INET6;
import static org.keepalivelab.linux.LibC.AF_INET;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.UnionLayout;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Reads a {@link SockaddrIn} or {@link SockaddrIn6}, whichever family the kernel wrote. */
final class SocketAddresses {
    /** Room for either family, as {@code getsockname(2)} and {@code getpeername(2)} need it. */
    static final UnionLayout LAYOUT = unionLayout(SockaddrIn.LAYOUT, SockaddrIn6.LAYOUT).withName("sockaddr_in_or_in6");

    /** Both structs open with their family, an {@code unsigned short}, at the same place. */
    private static final VarHandle FAMILY = SockaddrIn.LAYOUT.varHandle(groupElement("sin_family"));

    private SocketAddresses() {
    }

    /**
     * The address in {@code sockaddr}, or {@code null} for another family. An IPv4-mapped IPv6 address
     * ({@code ::ffff:127.0.0.1}, what Java's dual-stack sockets report) comes back as IPv4, as Java's
     * channels report it.
     */
    static InetSocketAddress read(MemorySegment sockaddr) {
        return switch ((short) FAMILY.get(sockaddr, 0L)) {
            case AF_INET -> SockaddrIn.read(sockaddr);
            case AF_INET6 -> SockaddrIn6.read(sockaddr);
            default -> null;
        };
    }

    /** {@code address}'s 4 or 16 bytes, in network byte order, and {@code port}. */
    static InetSocketAddress of(MemorySegment address, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address.toArray(JAVA_BYTE)), port);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always an address", e);
        }
    }
}
