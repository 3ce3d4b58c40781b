package org.keepalivelab.linux;

import static org.keepalivelab.linux.LibC.AF_PACKET;
import static org.keepalivelab.linux.LibC.SOCK_CLOEXEC;
import static org.keepalivelab.linux.LibC.SOCK_DGRAM;
import static org.keepalivelab.linux.LibC.SOL_SOCKET;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.time.Duration;

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
 * <p>Not thread-safe: one thread receives, and closes the socket only once that thread has stopped.
 * {@code SO_RCVTIMEO} bounds each wait, so the thread can notice it should stop. After
 * {@link #close()}, which is harmless twice, every other method throws {@link IllegalStateException}.
 */
public final class PacketSocket implements AutoCloseable {
    /** Bytes kept of each packet: the largest IPv4 header (60) and TCP header (60), with room to spare. */
    public static final int SNAP_LENGTH = 256;

    private static final short ETH_P_ALL = 3;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int SO_TIMESTAMPNS = 35;
    private static final int SOL_PACKET = 263;
    private static final int PACKET_STATISTICS = 6;
    private static final int PACKET_IGNORE_OUTGOING = 23;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int MSG_TRUNC = 0x20;
    private static final Duration RECEIVE_TIMEOUT = Duration.ofMillis(100);

    private final SocketDescriptor descriptor;
    /** The receive buffers: a few hundred bytes, which the collector frees with this object. */
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment buffer;
    private final MsgHdr message;
    /** The first control message, the only one asked for: the timestamp. */
    private final CmsgHdr control;
    private final Timespec timestamp;
    /** The receiving thread's errno, kept so that a receive allocates nothing. */
    private final MemorySegment errno;
    private long timestampNanos;

    private PacketSocket(SocketDescriptor descriptor) {
        this.descriptor = descriptor;
        buffer = arena.allocate(SNAP_LENGTH, 8);
        var controlBuffer = arena.allocate(CmsgHdr.spaceFor(Timespec.LAYOUT), CmsgHdr.LAYOUT.byteAlignment());
        message = new MsgHdr(arena, new IoVec(arena, buffer), controlBuffer);
        control = new CmsgHdr(controlBuffer);
        timestamp = new Timespec(control.data(Timespec.LAYOUT.byteSize()));
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
        if (receiveBuffer <= 0) {
            throw new IllegalArgumentException("A receive buffer needs at least one byte: " + receiveBuffer);
        }
        int index = LibC.ifNameToIndex(interfaceName);
        var socket = new PacketSocket(SocketDescriptor.open(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, networkOrder(ETH_P_ALL)));
        try {
            socket.ignoreOutgoing();
            socket.stampReceivedPackets();
            socket.setReceiveBuffer(receiveBuffer);
            socket.setReceiveTimeout(RECEIVE_TIMEOUT);
            socket.bind(index);
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

    /** {@code htons}: socket(2) takes the protocol in network byte order. */
    private static int networkOrder(short value) {
        return Short.toUnsignedInt(ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? value : Short.reverseBytes(value));
    }

    /** {@code PACKET_IGNORE_OUTGOING}: loopback's sent copy of each packet stays out. */
    private void ignoreOutgoing() throws LinuxException {
        descriptor.setOption(SOL_PACKET, PACKET_IGNORE_OUTGOING, 1, "PACKET_IGNORE_OUTGOING");
    }

    /** {@code SO_TIMESTAMPNS}: each packet comes with its receive time, a {@link Timespec}. */
    private void stampReceivedPackets() throws LinuxException {
        descriptor.setOption(SOL_SOCKET, SO_TIMESTAMPNS, 1, "SO_TIMESTAMPNS");
    }

    private void setReceiveBuffer(int bytes) throws LinuxException {
        try {
            descriptor.setOption(SOL_SOCKET, SO_RCVBUFFORCE, bytes, "SO_RCVBUFFORCE");
        } catch (LinuxException e) {
            // Without CAP_NET_ADMIN the kernel caps the buffer at net.core.rmem_max.
            descriptor.setOption(SOL_SOCKET, SO_RCVBUF, bytes, "SO_RCVBUF");
        }
    }

    private void setReceiveTimeout(Duration timeout) throws LinuxException {
        try (var confined = Arena.ofConfined()) {
            descriptor.setOption(SOL_SOCKET, SO_RCVTIMEO, Timeval.of(confined, timeout), "SO_RCVTIMEO");
        }
    }

    /** Hears only the interface {@code ifindex}. */
    private void bind(int ifindex) throws LinuxException {
        try (var confined = Arena.ofConfined()) {
            descriptor.bind(SockaddrLl.of(confined, ETH_P_ALL, ifindex));
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
        message.offerControl();
        long n = descriptor.recvmsg(errno, message.segment(), flags | MSG_TRUNC);
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
        long stamped = CmsgHdr.lengthFor(Timespec.LAYOUT);
        if (message.controlLength() >= stamped && control.length() >= stamped
                && control.level() == SOL_SOCKET && control.type() == SO_TIMESTAMPNS) {
            return timestamp.nanos();
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
        try (var confined = Arena.ofConfined()) {
            var stats = new TpacketStats(confined);
            descriptor.getOption(SOL_PACKET, PACKET_STATISTICS, stats.segment(), "PACKET_STATISTICS");
            return stats.drops();
        }
    }

    /** Closes the socket; a second call does nothing. */
    @Override
    public void close() {
        descriptor.close();
    }
}
