package org.keepalivelab.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.keepalivelab.linux.LibC.AF_PACKET;
import static org.keepalivelab.linux.LibC.SOCK_CLOEXEC;
import static org.keepalivelab.linux.LibC.SOCK_DGRAM;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An {@code AF_PACKET} socket on one interface that receives each IP packet once, with the kernel's
 * receive timestamp ({@code CLOCK_REALTIME}, nanoseconds).
 *
 * <p>{@code SOCK_DGRAM} strips the link header, so a packet starts at its IPv4 or IPv6 header. On
 * loopback every packet passes twice (sent, then received); {@code PACKET_IGNORE_OUTGOING} keeps the
 * received copy, whose timestamp is when the receiving side got it. Only the first
 * {@link #SNAP_LENGTH} bytes of a packet are copied: the headers, which is all the lab reads; the
 * packet's real length is still reported.
 *
 * <p>Not thread-safe: one thread receives. {@code SO_RCVTIMEO} bounds each wait, so that thread can
 * notice it should stop.
 */
public final class PacketSocket implements AutoCloseable {
    /** Bytes kept of each packet: the largest IPv4 header (60) and TCP header (60), with room to spare. */
    public static final int SNAP_LENGTH = 256;

    private static final int ETH_P_ALL_BE = 0x0300; // htons(ETH_P_ALL = 3)
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int SO_TIMESTAMPNS = 35;
    private static final int SOL_PACKET = 263;
    private static final int PACKET_STATISTICS = 6;
    private static final int PACKET_IGNORE_OUTGOING = 23;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int MSG_TRUNC = 0x20;

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer;
    private final MemorySegment control;
    private final MemorySegment msghdr;
    private final MemorySegment errno;
    private long timestampNanos;

    private PacketSocket(int fd) {
        this.fd = fd;
        buffer = arena.allocate(SNAP_LENGTH, 8);
        control = arena.allocate(64, 8);
        var iovec = arena.allocate(16, 8);
        iovec.set(ADDRESS, 0, buffer);
        iovec.set(JAVA_LONG, 8, SNAP_LENGTH);
        msghdr = arena.allocate(56, 8); // struct msghdr, no source address wanted
        msghdr.set(ADDRESS, 16, iovec);
        msghdr.set(JAVA_LONG, 24, 1);
        msghdr.set(ADDRESS, 32, control);
        errno = arena.allocate(Native.CAPTURE_LAYOUT);
    }

    /**
     * Opens a packet socket on {@code interfaceName}.
     *
     * @param receiveBuffer bytes the kernel may queue before it drops packets
     * @throws LinuxException with {@link LinuxException#isPermissionDenied()} when the process lacks
     *                        {@code CAP_NET_RAW} in its network namespace
     */
    public static PacketSocket open(String interfaceName, int receiveBuffer) throws LinuxException {
        int index = LibC.ifNameToIndex(interfaceName);
        var socket = new PacketSocket(LibC.socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, ETH_P_ALL_BE));
        try {
            int fd = socket.fd;
            LibC.setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, 1, "PACKET_IGNORE_OUTGOING");
            LibC.setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, 1, "SO_TIMESTAMPNS");
            setReceiveBuffer(fd, receiveBuffer);
            try (var arena = Arena.ofConfined()) {
                var timeout = arena.allocate(16, 8); // struct timeval: 100 ms
                timeout.set(JAVA_LONG, 8, 100_000);
                LibC.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeout, "SO_RCVTIMEO");
                var address = arena.allocate(20, 4); // struct sockaddr_ll
                address.set(JAVA_SHORT, 0, (short) AF_PACKET);
                address.set(JAVA_SHORT, 2, (short) ETH_P_ALL_BE);
                address.set(JAVA_INT, 4, index);
                LibC.bind(fd, address);
            }
            // Until bind() the socket heard every interface: drop what queued meanwhile.
            while (socket.receive(MSG_DONTWAIT) >= 0) {
                // discard
            }
            return socket;
        } catch (LinuxException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static void setReceiveBuffer(int fd, int bytes) throws LinuxException {
        try {
            LibC.setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, bytes, "SO_RCVBUFFORCE");
        } catch (LinuxException e) {
            // Without CAP_NET_ADMIN the kernel caps the buffer at net.core.rmem_max.
            LibC.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, bytes, "SO_RCVBUF");
        }
    }

    /**
     * Waits up to 100 ms for the next packet.
     *
     * @return the packet's full length (of which at most {@link #SNAP_LENGTH} bytes are in
     * {@link #packet()}), or -1 when none came in time
     */
    public int receive() throws LinuxException {
        return receive(0);
    }

    private int receive(int flags) throws LinuxException {
        msghdr.set(JAVA_LONG, 40, control.byteSize());
        long n = LibC.recvmsg(errno, fd, msghdr, flags | MSG_TRUNC);
        if (n < 0) {
            int error = Native.errno(errno);
            if (error == LinuxException.EAGAIN || error == LinuxException.EINTR) {
                return -1;
            }
            throw new LinuxException("recvmsg", error);
        }
        timestampNanos = readTimestamp();
        return (int) n;
    }

    private long readTimestamp() {
        // struct cmsghdr { size_t len; int level; int type; } then struct timespec { long sec, nsec; }
        long controlLength = msghdr.get(JAVA_LONG, 40);
        if (controlLength >= 32 && control.get(JAVA_INT, 8) == SOL_SOCKET && control.get(JAVA_INT, 12) == SO_TIMESTAMPNS) {
            return control.get(JAVA_LONG, 16) * 1_000_000_000L + control.get(JAVA_LONG, 24);
        }
        return -1;
    }

    /** The first bytes of the last packet received; valid until the next {@link #receive()}. */
    public MemorySegment packet() {
        return buffer;
    }

    /** When the kernel received the last packet: nanoseconds since the epoch, or -1 if it gave no stamp. */
    public long timestampNanos() {
        return timestampNanos;
    }

    /** Packets the kernel dropped for want of buffer since the last call ({@code PACKET_STATISTICS}). */
    public long dropsSinceLastCall() throws LinuxException {
        try (var arena = Arena.ofConfined()) {
            var stats = arena.allocate(8, 4); // struct tpacket_stats { unsigned tp_packets, tp_drops; }
            LibC.getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, stats, "PACKET_STATISTICS");
            return Integer.toUnsignedLong(stats.get(JAVA_INT, 4));
        }
    }

    @Override
    public void close() {
        try {
            LibC.close(fd);
        } catch (LinuxException e) {
            // nothing more to do for a descriptor we are giving up
        } finally {
            arena.close();
        }
    }
}
