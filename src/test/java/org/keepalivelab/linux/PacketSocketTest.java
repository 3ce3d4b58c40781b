package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.linux.LibC.AF_PACKET;
import static org.keepalivelab.linux.LibC.SOCK_CLOEXEC;
import static org.keepalivelab.linux.LibC.SOCK_DGRAM;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packet socket on the real loopback (the tests run as root, with CAP_NET_RAW). */
class PacketSocketTest {
    private static final int RING_BYTES = 1 << 20;
    private static final int IPV4_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int UDP_HEADER = 8;
    private static final short ARPHRD_LOOPBACK = 772;
    private static final byte ETH_ALEN = 6;

    @Test
    void receivesALoopbackDatagramOnceWithTheKernelsTimestamp() throws Exception {
        byte[] marker = ("PacketSocketTest " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        try (var socket = PacketSocket.open("lo", RING_BYTES);
             var receiver = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
             var sender = DatagramChannel.open()) {
            int port = ((InetSocketAddress) receiver.getLocalAddress()).getPort();
            long before = System.currentTimeMillis();
            sender.send(ByteBuffer.wrap(marker), receiver.getLocalAddress());

            int copies = 0;
            long stamp = -1;
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < deadline) {
                int length = socket.receive();
                if (length == IPV4_HEADER + UDP_HEADER + marker.length && isOurs(socket, port, marker)) {
                    copies++;
                    stamp = socket.timestampNanos();
                    deadline = Math.min(deadline, System.nanoTime() + 300_000_000L); // time for a second copy
                }
            }
            long after = System.currentTimeMillis();
            long stampMillis = stamp / 1_000_000;
            int received = copies;
            assertAll(
                    () -> assertEquals(1, received, "PACKET_IGNORE_OUTGOING keeps loopback's received copy only"),
                    () -> assertTrue(stampMillis >= before - 1 && stampMillis <= after + 1,
                            "the timespec of SO_TIMESTAMPNS, in CLOCK_REALTIME: " + stampMillis + " not in " + before + ".." + after));
        }
    }

    @Test
    void hearsOnlyItsPortsOverIpv4AndIpv6AndKeepsTheFirstBytes() throws Exception {
        try (var socket = PacketSocket.open("lo", RING_BYTES);
             var heard = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
             var heard6 = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
             var unheard = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
             var sender = DatagramChannel.open()) {
            socket.hearOnly(port(heard), port(heard6));
            for (var to : List.of(unheard, heard, heard6)) {
                sender.send(ByteBuffer.allocate(1000), to.getLocalAddress());
            }
            var ports = new ArrayList<Integer>();
            var sizes = new ArrayList<List<Integer>>();
            long deadline = System.nanoTime() + 1_000_000_000L;
            int length;
            while (System.nanoTime() < deadline && (length = socket.receive()) >= 0) {
                var packet = socket.packet();
                int header = (packet.get(JAVA_BYTE, 0) >>> 4) == 4 ? IPV4_HEADER : IPV6_HEADER;
                ports.add(Short.toUnsignedInt(packet.get(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), header + 2)));
                sizes.add(List.of(length, socket.captured()));
            }
            assertAll(
                    () -> assertEquals(List.of(port(heard), port(heard6)), ports, "the unheard port's datagram never came"),
                    () -> assertEquals(List.of(List.of(IPV4_HEADER + UDP_HEADER + 1000, PacketSocket.SNAP_LENGTH),
                            List.of(IPV6_HEADER + UDP_HEADER + 1000, PacketSocket.SNAP_LENGTH)), sizes,
                            "the full length, and the first bytes the filter keeps"));
        }
    }

    private static int port(DatagramChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private static Object field(MemorySegment sockaddr, String name) {
        return SockaddrLl.LAYOUT.varHandle(groupElement(name)).get(sockaddr, 0L);
    }

    private static boolean isOurs(PacketSocket socket, int port, byte[] marker) {
        var packet = socket.packet();
        var bigEndian = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
        byte[] payload = packet.asSlice(IPV4_HEADER + UDP_HEADER, marker.length).toArray(JAVA_BYTE);
        return packet.get(JAVA_BYTE, 9) == 17 // UDP
                && Short.toUnsignedInt(packet.get(bigEndian, IPV4_HEADER + 2)) == port
                && Arrays.equals(payload, marker);
    }

    @Test
    void theKernelReadsAndWritesSockaddrLlAsLaidOut() throws LinuxException {
        int lo = LibC.ifNameToIndex("lo");
        short ethPAll = 3;
        int fd = LibC.socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, Short.toUnsignedInt(Short.reverseBytes(ethPAll)));
        try (var arena = Arena.ofConfined(); var socket = new SocketDescriptor(fd)) {
            socket.bind(SockaddrLl.of(arena, ethPAll, lo));
            var bound = arena.allocate(SockaddrLl.LAYOUT);
            LibC.getsockname(fd, bound);
            assertAll(
                    () -> assertEquals(AF_PACKET, (short) field(bound, "sll_family")),
                    () -> assertEquals(ethPAll, (short) field(bound, "sll_protocol"), "network byte order both ways"),
                    () -> assertEquals(lo, (int) field(bound, "sll_ifindex")),
                    () -> assertEquals(ARPHRD_LOOPBACK, (short) field(bound, "sll_hatype")),
                    () -> assertEquals(ETH_ALEN, (byte) field(bound, "sll_halen")));
        }
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedSocketRefusesEveryCall() throws LinuxException {
        var socket = PacketSocket.open("lo", RING_BYTES);
        socket.close();
        socket.close();
        assertAll(
                () -> assertThrows(IllegalStateException.class, socket::receive),
                () -> assertThrows(IllegalStateException.class, socket::dropsSinceLastCall));
    }

    @Test
    void aRingNeedsRoomForOneFrame() {
        assertThrows(IllegalArgumentException.class, () -> PacketSocket.open("lo", 511));
    }
}
