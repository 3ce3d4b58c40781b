package org.keepalivelab.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.keepalivelab.linux.LibC.AF_INET6;
import static org.keepalivelab.linux.LibC.AF_INET;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

/** Reads {@code struct sockaddr_in} and {@code sockaddr_in6}. */
final class SocketAddresses {
    /** Large enough for either family ({@code sizeof(struct sockaddr_in6)} is 28). */
    static final long SOCKADDR_SIZE = 28;

    private SocketAddresses() {
    }

    /**
     * The address in {@code sockaddr}, or {@code null} for another family. An IPv4-mapped IPv6 address
     * ({@code ::ffff:127.0.0.1}, what Java's dual-stack sockets report) comes back as IPv4, as Java's
     * channels report it.
     */
    static InetSocketAddress read(MemorySegment sockaddr) {
        int family = sockaddr.get(JAVA_SHORT, 0);
        int port = Short.toUnsignedInt(sockaddr.get(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2));
        byte[] address = switch (family) {
            case AF_INET -> sockaddr.asSlice(4, 4).toArray(JAVA_BYTE);
            case AF_INET6 -> sockaddr.asSlice(8, 16).toArray(JAVA_BYTE);
            default -> null;
        };
        if (address == null) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always an address", e);
        }
    }
}
