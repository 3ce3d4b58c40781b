package org.keepalivelab.linux;

import static org.keepalivelab.linux.LibC.AF_PACKET;
import static org.keepalivelab.linux.LibC.SOCK_CLOEXEC;
import static org.keepalivelab.linux.LibC.SOCK_DGRAM;
import static org.keepalivelab.linux.LibC.SOL_SOCKET;
import static org.keepalivelab.linux.LibC.SO_ATTACH_FILTER;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * An {@code AF_PACKET} socket on one interface that receives each IP packet once, with the kernel's
 * receive timestamp ({@code CLOCK_REALTIME}, nanoseconds), through a ring of frames it shares with the
 * kernel ({@link PacketRing}): under load, many packets are read per wake-up, none with a system call.
 *
 * <p>{@code SOCK_DGRAM} strips the link header, so a packet starts at its IPv4 or IPv6 header. On
 * loopback every packet passes twice (sent, then received); {@code PACKET_IGNORE_OUTGOING} keeps the
 * received copy, whose timestamp is when the receiving side got it. Only the first
 * {@link #SNAP_LENGTH} bytes of a packet are handed out: the headers, which is all the lab reads; the
 * packet's real length is still reported.
 *
 * <p>Not thread-safe: one thread receives, and closes the socket only once that thread has stopped.
 * Each wait for a packet lasts at most 100 ms, so the thread can notice it should stop. After
 * {@link #close()}, which is harmless twice, every other method throws {@link IllegalStateException}.
 */
public final class PacketSocket implements AutoCloseable {
    /** Bytes handed out of each packet: the largest IPv4 header (60) and TCP header (60), with room to spare. */
    public static final int SNAP_LENGTH = 256;

    private static final short ETH_P_ALL = 3;
    private static final int SO_TIMESTAMPNS = 35;
    private static final int SOL_PACKET = 263;
    private static final int PACKET_STATISTICS = 6;
    private static final int PACKET_VERSION = 10;
    private static final int PACKET_TIMESTAMP = 17;
    private static final int PACKET_IGNORE_OUTGOING = 23;
    private static final int TPACKET_V2 = 1;
    /** {@code SOF_TIMESTAMPING_SOFTWARE} ({@code <linux/net_tstamp.h>}): report the software stamp. */
    private static final int SOF_TIMESTAMPING_SOFTWARE = 1 << 4;
    private static final int RECEIVE_TIMEOUT_MILLIS = 100;
    /** The nap before waiting, under load: at 250,000 packets a second, fifty packets come in one. */
    private static final Duration NAP = Duration.ofNanos(200_000);
    private static final int BATCH_WORTH_A_NAP = 16;

    private final SocketDescriptor descriptor;
    private final PacketRing ring;
    /** The wait's {@code struct pollfd} and errno, kept so that a receive allocates nothing. */
    private final MemorySegment pollfd;
    private final MemorySegment errno;
    private final ArrivalRate arrivals = new ArrivalRate();
    /** True while the ring's current frame is the packet last handed out, not yet given back. */
    private boolean holding;

    private PacketSocket(SocketDescriptor descriptor, PacketRing ring) {
        this.descriptor = descriptor;
        this.ring = ring;
        var arena = Arena.ofAuto(); // a few bytes, which the collector frees with this object
        pollfd = PollFd.waitingFor(arena, PollFd.POLLIN);
        errno = arena.allocate(Native.CAPTURE_LAYOUT);
    }

    /**
     * Opens a packet socket on {@code interfaceName}.
     *
     * @param ringBytes bytes of frames the kernel may fill before it drops packets (512 a packet)
     * @throws LinuxException with {@link LinuxException#isPermissionDenied()} when the process lacks
     *                        {@code CAP_NET_RAW} in its network namespace
     */
    public static PacketSocket open(String interfaceName, int ringBytes) throws LinuxException {
        if (ringBytes < PacketRing.FRAME_SIZE) {
            throw new IllegalArgumentException("A ring needs room for one frame of " + PacketRing.FRAME_SIZE
                    + " bytes: " + ringBytes);
        }
        int index = LibC.ifNameToIndex(interfaceName);
        // Protocol 0: the socket hears nothing until bind() names the protocol and the interface
        // (packet(7)), so no other interface's packet reaches the ring meanwhile.
        var descriptor = SocketDescriptor.open(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        try {
            descriptor.setOption(SOL_PACKET, PACKET_VERSION, TPACKET_V2, "PACKET_VERSION");
            // loopback's sent copy of each packet stays out
            descriptor.setOption(SOL_PACKET, PACKET_IGNORE_OUTGOING, 1, "PACKET_IGNORE_OUTGOING");
            stampOnArrival(descriptor);
            var socket = new PacketSocket(descriptor, PacketRing.map(descriptor, ringBytes));
            socket.bind(index);
            return socket;
        } catch (LinuxException | RuntimeException e) {
            descriptor.close();
            throw e;
        }
    }

    /**
     * Each frame's stamp is the packet's arrival: {@code SO_TIMESTAMPNS} makes the kernel stamp every
     * packet as it enters the receive path ({@code net_timestamp_check}), and {@code PACKET_TIMESTAMP}
     * has the ring report that stamp ({@code tpacket_get_timestamp}) rather than the moment it copied
     * the packet.
     */
    private static void stampOnArrival(SocketDescriptor descriptor) throws LinuxException {
        descriptor.setOption(SOL_SOCKET, SO_TIMESTAMPNS, 1, "SO_TIMESTAMPNS");
        descriptor.setOption(SOL_PACKET, PACKET_TIMESTAMP, SOF_TIMESTAMPING_SOFTWARE, "PACKET_TIMESTAMP");
    }

    /** Hears every protocol, on the interface {@code ifindex} only. */
    private void bind(int ifindex) throws LinuxException {
        try (var confined = Arena.ofConfined()) {
            descriptor.bind(SockaddrLl.of(confined, ETH_P_ALL, ifindex));
        }
    }

    /**
     * From now on the socket hears only TCP and UDP packets with one of {@code ports} (1 to
     * {@value CaptureFilter#MAX_PORTS}) at either end, in place of what it heard before: the kernel drops
     * the rest before they take a frame.
     */
    public void hearOnly(int... ports) throws LinuxException {
        try (var confined = Arena.ofConfined()) {
            var program = SockFprog.of(confined, CaptureFilter.admitting(SNAP_LENGTH, ports));
            descriptor.setOption(SOL_SOCKET, SO_ATTACH_FILTER, program, "SO_ATTACH_FILTER");
        }
    }

    /**
     * Hands the previous packet's frame back, then takes the next packet, waiting up to 100 ms for one.
     *
     * @return the packet's full length (of which at most {@link #SNAP_LENGTH} bytes are in
     * {@link #packet()}), or -1 when none came in time
     */
    public int receive() throws LinuxException {
        if (holding) {
            ring.handBack();
            holding = false;
        }
        if (!ring.ready() && !(napWorthIt() && napped()) && !polled()) {
            return -1;
        }
        holding = true;
        arrivals.taken();
        return ring.length();
    }

    /**
     * True when packets come fast enough that a nap of {@link #NAP} would gather
     * {@value #BATCH_WORTH_A_NAP} or more: 80,000 packets a second. Waiting in poll(2) instead is woken
     * by each packet ({@code sk_data_ready}), and under load those wake-ups cost more than the packets;
     * a nap lets the kernel fill frames meanwhile, then they are read in one go. Below that rate every
     * packet is taken as soon as poll(2) returns, and a burst's later packets wait up to a nap above it.
     */
    private boolean napWorthIt() {
        return arrivals.expectedIn(NAP.toNanos()) >= BATCH_WORTH_A_NAP;
    }

    /** Naps {@link #NAP}, and says whether a packet came meanwhile. */
    private boolean napped() {
        try {
            Thread.sleep(NAP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ring.ready();
    }

    /** Waits up to 100 ms in poll(2), and says whether a packet came. */
    private boolean polled() throws LinuxException {
        // The ring polls readable once its newest frame is the reader's (packet_poll), so a packet that
        // arrived since ready() was asked ends the wait at once.
        if (descriptor.poll(errno, pollfd, RECEIVE_TIMEOUT_MILLIS) < 0) {
            int error = Native.errno(errno);
            if (error != LinuxException.EINTR) {
                throw new LinuxException("poll", error);
            }
        }
        return ring.ready();
    }

    /** How many bytes of the last packet {@link #packet()} holds: at most {@link #SNAP_LENGTH}. */
    public int captured() {
        return Math.min(ring.captured(), SNAP_LENGTH);
    }

    /** The first {@link #captured()} bytes of the last packet received; valid until the next {@link #receive()}. */
    public MemorySegment packet() {
        return ring.packet(captured());
    }

    /** When the kernel received the last packet: nanoseconds since the epoch. */
    public long timestampNanos() {
        return ring.timestampNanos();
    }

    /** Packets the kernel dropped for want of a free frame since the last call ({@code PACKET_STATISTICS}). */
    public long dropsSinceLastCall() throws LinuxException {
        try (var confined = Arena.ofConfined()) {
            var stats = new TpacketStats(confined);
            descriptor.getOption(SOL_PACKET, PACKET_STATISTICS, stats.segment(), "PACKET_STATISTICS");
            return stats.drops();
        }
    }

    /** Unmaps the ring and closes the socket; a second call does nothing. */
    @Override
    public void close() {
        ring.close();
        descriptor.close();
    }
}
