package org.keepalivelab.linux;

import static org.keepalivelab.linux.LibC.AF_INET;
import static org.keepalivelab.linux.LibC.SOCK_CLOEXEC;
import static org.keepalivelab.linux.LibC.SOCK_RAW;

import java.lang.foreign.Arena;
import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * A send-only raw IPv4 socket ({@code IPPROTO_RAW}) that forges TCP segments: what a middlebox between
 * two ends puts on the wire in their names. {@code IPPROTO_RAW} implies {@code IP_HDRINCL} and receives
 * nothing (raw(7)), so the lab writes the whole IP header itself and no copy of the lab's traffic piles
 * up in this socket.
 *
 * <p>Needs {@code CAP_NET_RAW} in the socket's network namespace, as the capture does. After
 * {@link #close()}, which is harmless twice, every other method throws {@link IllegalStateException}.
 */
public final class RawSocket implements AutoCloseable {
    /** {@code IPPROTO_RAW} ({@code <linux/in.h>}). */
    private static final int IPPROTO_RAW = 255;

    private final SocketDescriptor descriptor;

    private RawSocket(SocketDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /**
     * Opens one.
     *
     * @throws LinuxException with {@link LinuxException#isPermissionDenied()} without {@code CAP_NET_RAW}
     */
    public static RawSocket open() throws LinuxException {
        return new RawSocket(SocketDescriptor.open(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW));
    }

    /**
     * Sends a bare RST from {@code from} to {@code to} with sequence number {@code seq}: the receiving
     * TCP accepts it only when {@code seq} is the next it expects (RFC 5961 3.2, {@code tcp_validate_incoming}
     * in {@code net/ipv4/tcp_input.c}); it needs no ACK, as TCP checks a segment's RST bit before its ACK bit
     * (RFC 9293 3.10.7.4; {@code tcp_rcv_established} drops a segment only with none of ACK, RST, SYN).
     *
     * @throws IllegalArgumentException unless both addresses are IPv4
     */
    public void sendReset(InetSocketAddress from, InetSocketAddress to, long seq) throws LinuxException {
        if (!(from.getAddress() instanceof Inet4Address source) || !(to.getAddress() instanceof Inet4Address destination)) {
            throw new IllegalArgumentException("A forged RST goes from one IPv4 address to another: " + from + " -> " + to);
        }
        try (var arena = Arena.ofConfined()) {
            long ipLength = IpHeader.LAYOUT.byteSize();
            var packet = arena.allocate(ipLength + TcpHeader.LAYOUT.byteSize(), IpHeader.LAYOUT.byteAlignment());
            IpHeader.writeTcp(packet, source, destination);
            TcpHeader.writeReset(packet.asSlice(ipLength), source, from.getPort(), destination, to.getPort(), seq);
            // The port of the address sendto(2) takes means nothing to a raw socket: the header carries it.
            descriptor.sendto(packet, SockaddrIn.of(arena, destination, 0));
        }
    }

    /** Closes the socket; a second call does nothing. */
    @Override
    public void close() {
        descriptor.close();
    }
}
