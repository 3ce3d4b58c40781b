package org.keepalivelab.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.keepalivelab.model.TcpState;

/** What each struct class writes and reads, byte for byte as the C ABI puts it (little-endian hosts). */
class StructValuesTest {
    @Test
    void sockaddrLlCarriesTheProtocolInNetworkByteOrder() {
        try (var arena = Arena.ofConfined()) {
            var address = SockaddrLl.of(arena, (short) 3, 0x01020304);
            byte[] expected = {17, 0, 0, 3, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            assertArrayEquals(expected, address.toArray(JAVA_BYTE));
        }
    }

    @Test
    void forgedRstIsABareRstInNetworkByteOrderWithItsChecksum() throws Exception {
        try (var arena = Arena.ofConfined()) {
            var packet = arena.allocate(IpHeader.LAYOUT.byteSize() + TcpHeader.LAYOUT.byteSize(), 4);
            var source = (Inet4Address) InetAddress.getByName("127.0.0.1");
            var destination = (Inet4Address) InetAddress.getByName("127.0.0.2");
            IpHeader.writeTcp(packet, source, destination);
            TcpHeader.writeReset(packet.asSlice(20), source, 40000, destination, 5000, 0xC0FFEE01L);
            // The checksum as Python's struct module and RFC 1071's sum work it out for this header.
            byte[] ip = {0x45, 0, 0, 0, 0, 0, 0x40, 0, 64, 6, 0, 0, 127, 0, 0, 1, 127, 0, 0, 2};
            byte[] tcp = {(byte) 0x9c, 0x40, 0x13, (byte) 0x88, (byte) 0xc0, (byte) 0xff, (byte) 0xee, 0x01, 0, 0, 0, 0,
                    0x50, 0x04, 0, 0, 0x53, 0x13, 0, 0};
            assertAll(
                    () -> assertArrayEquals(ip, packet.asSlice(0, 20).toArray(JAVA_BYTE), "length, id, checksum left to the kernel"),
                    () -> assertArrayEquals(tcp, packet.asSlice(20).toArray(JAVA_BYTE)));
        }
    }

    @Test
    void bareRstOnlyProgramLoadsTheFlagsAndKeepsExactlyRst() {
        try (var arena = Arena.ofConfined()) {
            var fprog = SocketFilterProgram.BARE_RST_ONLY.fprog(arena);
            var filter = fprog.get(ADDRESS, 8).reinterpret(4 * SockFilter.LAYOUT.byteSize());
            // ldb [13]; jeq #4, 0, 1; ret #-1; ret #0 (as tcpdump -dd would write them)
            byte[] expected = {0x30, 0, 0, 0, 13, 0, 0, 0, 0x15, 0, 0, 1, 4, 0, 0, 0,
                    6, 0, 0, 0, -1, -1, -1, -1, 6, 0, 0, 0, 0, 0, 0, 0};
            assertAll(
                    () -> assertEquals(4, fprog.get(JAVA_BYTE, 0)),
                    () -> assertArrayEquals(expected, filter.toArray(JAVA_BYTE)),
                    () -> assertFalse(SocketFilterProgram.BARE_RST_ONLY.drops(0x04)),
                    () -> assertTrue(SocketFilterProgram.BARE_RST_ONLY.drops(0x14), "RST,ACK: an end's own"),
                    () -> assertTrue(SocketFilterProgram.BARE_RST_ONLY.drops(0x10)));
        }
    }

    @Test
    void dropAllProgramIsOneReturnOfZeroBytes() {
        try (var arena = Arena.ofConfined()) {
            var fprog = SockFprog.of(arena, SockFilter.returnBytes(0));
            var filter = fprog.get(ADDRESS, 8).reinterpret(SockFilter.LAYOUT.byteSize());
            assertAll(
                    () -> assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, fprog.asSlice(0, 8).toArray(JAVA_BYTE),
                            "len 1, then padding"),
                    () -> assertArrayEquals(new byte[] {6, 0, 0, 0, 0, 0, 0, 0}, filter.toArray(JAVA_BYTE),
                            "BPF_RET | BPF_K, jt 0, jf 0, k 0"),
                    () -> assertThrows(IllegalArgumentException.class, () -> SockFprog.of(arena)));
        }
    }

    @Test
    void socketAddressesOfEitherFamily() throws Exception {
        try (var arena = Arena.ofConfined()) {
            var in = arena.allocate(SocketAddresses.LAYOUT);
            in.copyFrom(MemorySegment.ofArray(new byte[] {2, 0, 0x1f, (byte) 0x90, 127, 0, 0, 1}));
            var mapped = arena.allocate(SocketAddresses.LAYOUT);
            mapped.copyFrom(MemorySegment.ofArray(new byte[] {10, 0, 0x1f, (byte) 0x91, 0, 0, 0, 0,
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 2}));
            var other = arena.allocate(SocketAddresses.LAYOUT);
            other.set(JAVA_BYTE, 0, (byte) 1); // AF_UNIX
            assertAll(
                    () -> assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8080), SocketAddresses.read(in)),
                    () -> assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 8081), SocketAddresses.read(mapped),
                            "an IPv4-mapped address comes back as IPv4"),
                    () -> assertNull(SocketAddresses.read(other)));
        }
    }

    @Test
    void tcpInfoNeedsEveryFieldItReads() {
        try (var arena = Arena.ofConfined()) {
            var info = arena.allocate(TcpInfo.LAYOUT);
            info.set(JAVA_BYTE, 0, (byte) 1);
            info.set(JAVA_BYTE, 3, (byte) 200);
            info.set(JAVA_BYTE, 4, (byte) 2);
            info.set(JAVA_INT, 52, 0x1000); // tcpi_last_data_recv
            info.set(JAVA_INT, 56, -1); // tcpi_last_ack_recv
            assertAll(
                    () -> assertEquals(new TcpInfo(TcpState.ESTABLISHED, 200, 2, 0x1000, 0xffff_ffffL),
                            TcpInfo.read(info, (int) TcpInfo.FIELDS_READ), "unsigned, as the kernel's u8 and u32"),
                    () -> assertThrows(IllegalStateException.class, () -> TcpInfo.read(info, (int) TcpInfo.FIELDS_READ - 1)));
        }
    }

    @Test
    void ifreqTakesANameOfFifteenBytesAtMost() {
        try (var arena = Arena.ofConfined()) {
            var request = new Ifreq(arena, "lo");
            request.setFlags((short) 0x49);
            assertAll(
                    () -> assertArrayEquals(new byte[] {'l', 'o', 0}, request.segment().asSlice(0, 3).toArray(JAVA_BYTE)),
                    () -> assertEquals(0x49, request.segment().get(JAVA_BYTE, 16), "ifr_flags"),
                    () -> assertEquals(0x49, request.flags()),
                    () -> assertThrows(IllegalArgumentException.class, () -> new Ifreq(arena, "a-name-too-long!")));
        }
    }
}
