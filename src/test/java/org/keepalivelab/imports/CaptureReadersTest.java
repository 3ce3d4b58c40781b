package org.keepalivelab.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.imports.TestPackets.CLIENT_V4;
import static org.keepalivelab.imports.TestPackets.SERVER_V4;
import static org.keepalivelab.model.TcpFlags.ACK;
import static org.keepalivelab.model.TcpFlags.PSH;
import static org.keepalivelab.model.TcpFlags.SYN;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.keepalivelab.imports.CaptureContents.Stamped;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentKind;

/** The readers on files written byte by byte: both formats, both byte orders, every link layer, gzip, damage. */
class CaptureReadersTest {
    private static final long EPOCH = 1_700_000_000L;
    private static final List<ByteOrder> ORDERS = List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN);

    /** The handshake and one data segment with its ACK: SYN, SYN_ACK, ACK, DATA, ACK. */
    static List<byte[]> conversation() {
        return List.of(
                TestPackets.ipv4(CLIENT_V4, 40000, SERVER_V4, 80, 1000, 0, SYN, 65535, 0, 1),
                TestPackets.ipv4(SERVER_V4, 80, CLIENT_V4, 40000, 5000, 1001, SYN | ACK, 65535, 0, 1),
                TestPackets.ipv4(CLIENT_V4, 40000, SERVER_V4, 80, 1001, 5001, ACK, 512, 0, 2),
                TestPackets.ipv4(CLIENT_V4, 40000, SERVER_V4, 80, 1001, 5001, PSH | ACK, 512, 5, 3),
                TestPackets.ipv4(SERVER_V4, 80, CLIENT_V4, 40000, 5001, 1006, ACK, 512, 0, 2));
    }

    private static final List<SegmentKind> CONVERSATION = List.of(SegmentKind.SYN, SegmentKind.SYN_ACK,
            SegmentKind.ACK, SegmentKind.DATA, SegmentKind.ACK);

    static byte[] classic(ByteOrder order, boolean nanos, int linkType, List<byte[]> packets) {
        var w = CaptureWriter.pcap(order, nanos, linkType);
        for (int i = 0; i < packets.size(); i++) {
            w.record(EPOCH + i, nanos ? 1_000 : 1, packets.get(i)); // 1 µs past each second
        }
        return w.bytes();
    }

    @Test
    void classicPcapInEitherByteOrderWithMicroOrNanoStamps() throws Exception {
        for (var order : ORDERS) {
            for (boolean nanos : new boolean[] {false, true}) {
                var imported = Imported.of(classic(order, nanos, LinkLayer.RAW, conversation()));
                assertEquals(CONVERSATION, imported.kinds(), order + (nanos ? " ns" : " µs"));
                assertEquals((EPOCH * 1_000_000_000L) + 1_000, imported.result().startEpochNanos());
                assertEquals(List.of(0L, 1_000_000_000L, 2_000_000_000L, 3_000_000_000L, 4_000_000_000L),
                        imported.segments().stream().map(e -> e.t()).toList(), "t counts from the first packet");
                assertEquals(5, imported.result().packetsRead());
            }
        }
    }

    /**
     * Two sections, the first in {@code first} byte order, the second in the other: the first with an
     * Ethernet interface (µs by default) and a raw-IP one (ns, 100 s later, named and described), the
     * second with a Linux cooked v2 interface (2^-10 s, no name); the conversation's packets on them, the
     * third a Simple Packet Block.
     */
    static byte[] twoSections(ByteOrder first) {
        var p = conversation();
        var second = first == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        byte[] one = CaptureWriter.pcapng(first)
                .interfaceBlock(LinkLayer.ETHERNET, 262144, -1, 0)     // µs by default
                .interfaceBlock(LinkLayer.RAW, 0, 9, 100, "tun0", "a tunnel") // ns, 100 s later
                .unknown()
                .enhanced(0, EPOCH * 1_000_000, TestPackets.ethernet(p.get(0)))
                .enhanced(1, (EPOCH - 100) * 1_000_000_000L + 500, p.get(1))
                .simple(TestPackets.ethernet(p.get(2)))                // no stamp: the one before
                .bytes();
        byte[] two = CaptureWriter.pcapng(second)
                .interfaceBlock(LinkLayer.LINUX_SLL2, 262144, 0x80 | 10, 0, null, null) // 2^-10 s
                .enhanced(0, (EPOCH + 1) * 1024 + 512, TestPackets.sll2(p.get(3)))
                .enhanced(0, (EPOCH + 2) * 1024, TestPackets.sll2(p.get(4)))
                .bytes();
        return concat(one, two);
    }

    @Test
    void pcapngSectionsInterfacesResolutionsAndOffsetsInEitherByteOrder() throws Exception {
        for (var first : ORDERS) {
            var second = first == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            var imported = Imported.of(twoSections(first));
            assertEquals(CONVERSATION, imported.kinds(), first + " then " + second);
            assertEquals(List.of(0L, 500L, 500L, 1_500_000_000L, 2_000_000_000L),
                    imported.segments().stream().map(e -> e.t()).toList());
            assertEquals(5, imported.result().packetsRead());
        }
    }

    @Test
    void pcapngInterfacesAreToldInFileOrderAcrossSectionsAndEachPacketKeepsItsOwnAndItsStamp() throws Exception {
        for (var first : ORDERS) {
            var read = CaptureContents.of(twoSections(first));
            assertEquals(List.of(
                    new CaptureInterface(0, LinkLayer.ETHERNET, 262144, 6, 0, Optional.of("lo"), Optional.empty()),
                    new CaptureInterface(1, LinkLayer.RAW, 0, 9, 100, Optional.of("tun0"), Optional.of("a tunnel")),
                    new CaptureInterface(2, LinkLayer.LINUX_SLL2, 262144, 0x80 | 10, 0, Optional.empty(), Optional.empty())),
                    read.interfaces(), first.toString());
            assertEquals(List.of(new Stamped(0, EPOCH * 1_000_000),
                    new Stamped(1, (EPOCH - 100) * 1_000_000_000L + 500),
                    new Stamped(0, EPOCH * 1_000_000), // the Simple Packet Block's borrowed time, in µs, rounded down
                    new Stamped(2, (EPOCH + 1) * 1024 + 512),
                    new Stamped(2, (EPOCH + 2) * 1024)), read.packets());
        }
    }

    @Test
    void aClassicFileHasOneInterfaceItsHeaderDescribes() throws Exception {
        for (boolean nanos : new boolean[] {false, true}) {
            var read = CaptureContents.of(classic(ByteOrder.BIG_ENDIAN, nanos, LinkLayer.ETHERNET,
                    conversation().stream().map(TestPackets::ethernet).toList()));
            assertEquals(List.of(new CaptureInterface(0, LinkLayer.ETHERNET, 262144, nanos ? 9 : 6, 0, Optional.empty(),
                    Optional.empty())), read.interfaces());
            long perSecond = nanos ? 1_000_000_000L : 1_000_000L;
            assertEquals(new Stamped(0, (EPOCH + 4) * perSecond + (nanos ? 1_000 : 1)), read.packets().getLast());
        }
    }

    @Test
    void aTimeGoesBackToTheStampThatMadeItInEveryResolution() {
        long epochNanos = 1_000_000_123_456_789L; // early enough for picoseconds, which count 64 bits up to 1970-08
        for (int resolution : new int[] {0, 3, 6, 9, 12, 0x80, 0x80 | 10, 0x80 | 30}) {
            long stamp = Timestamps.stamp(epochNanos, resolution, -7);
            long back = Timestamps.epochNanos(stamp, resolution, -7);
            long unitNanos = resolution == 0 ? 1_000_000_000L : resolution == 3 ? 1_000_000 : resolution == 6 ? 1_000
                    : resolution == 0x80 ? 1_000_000_000L : resolution == (0x80 | 10) ? 976_563
                    : resolution == (0x80 | 30) ? 2 : 1; // 2^-30 s through a double each way
            assertTrue(back <= epochNanos && epochNanos - back < unitNanos,
                    "if_tsresol 0x" + Integer.toHexString(resolution) + ": " + stamp + " -> " + back);
        }
        long now = EPOCH * 1_000_000_000L + 123_456_789;
        assertEquals(EPOCH * 1_000_000 + 123_456, Timestamps.stamp(now, 6, 0));
        assertEquals((EPOCH - 100) * 1_000_000_000L + 123_456_789, Timestamps.stamp(now, 9, 100));
    }

    @Test
    void everyLinkLayerLeadsToTheSameSegments() throws Exception {
        var p = conversation();
        record Link(int type, UnaryOperator<byte[]> frame) {
        }
        var links = List.of(
                new Link(LinkLayer.ETHERNET, TestPackets::ethernet),
                new Link(LinkLayer.ETHERNET, ip -> TestPackets.ethernet(ip, 0x8100)),          // 802.1Q
                new Link(LinkLayer.ETHERNET, ip -> TestPackets.ethernet(ip, 0x88a8, 0x8100)),  // QinQ
                new Link(LinkLayer.LINUX_SLL, TestPackets::sll),
                new Link(LinkLayer.LINUX_SLL2, TestPackets::sll2),
                new Link(LinkLayer.NULL, ip -> TestPackets.loopback(ip, 2, ByteOrder.LITTLE_ENDIAN)),
                new Link(LinkLayer.LOOP, ip -> TestPackets.loopback(ip, 2, ByteOrder.BIG_ENDIAN)),
                new Link(LinkLayer.RAW, ip -> ip),
                new Link(LinkLayer.RAW_HISTORICAL, ip -> ip),
                new Link(LinkLayer.RAW_OPENBSD, ip -> ip),
                new Link(LinkLayer.IPV4, ip -> ip));
        for (var link : links) {
            var framed = p.stream().map(link.frame()).toList();
            assertEquals(CONVERSATION, Imported.of(classic(ByteOrder.LITTLE_ENDIAN, false, link.type(), framed)).kinds(),
                    "link type " + link.type());
        }
    }

    @Test
    void ipv6BehindExtensionHeadersAndBsdLoopbackFamiliesOfEverySystem() throws Exception {
        var v6 = List.of(TestPackets.ipv6WithExtensions(40000, 80, 1000, 0, SYN, 65535, 0),
                TestPackets.ipv6WithExtensions(80, 40000, 5000, 1001, SYN | ACK, 65535, 0),
                TestPackets.ipv6WithExtensions(40000, 80, 1001, 5001, ACK, 512, 0),
                TestPackets.ipv6WithExtensions(40000, 80, 1001, 5001, PSH | ACK, 512, 5),
                TestPackets.ipv6WithExtensions(80, 40000, 5001, 1006, ACK, 512, 0));
        assertEquals(CONVERSATION, Imported.of(classic(ByteOrder.BIG_ENDIAN, false, LinkLayer.IPV6, v6)).kinds());
        for (int family : new int[] {24, 28, 30}) { // AF_INET6 on NetBSD/OpenBSD, FreeBSD, macOS
            var framed = v6.stream().map(ip -> TestPackets.loopback(ip, family, ByteOrder.LITTLE_ENDIAN)).toList();
            var imported = Imported.of(classic(ByteOrder.LITTLE_ENDIAN, false, LinkLayer.NULL, framed));
            assertEquals(CONVERSATION, imported.kinds(), "AF_INET6 = " + family);
            assertEquals("[::1]:40000", imported.result().connections().getFirst().client().toString());
            assertEquals("[::2]:80", imported.result().connections().getFirst().server().toString());
        }
    }

    @Test
    void whatIsNotTcpOverIpIsSkippedAndCounted() throws Exception {
        byte[] arp = ByteBuffer.allocate(42).put(new byte[12]).putShort((short) 0x0806).array();
        byte[] udp = TestPackets.ipv4(CLIENT_V4, 53, SERVER_V4, 53, 0, 0, 0, 0, 0, 9);
        udp[9] = 17;
        var packets = List.of(TestPackets.ethernet(conversation().get(0)), arp, TestPackets.ethernet(udp));
        var imported = Imported.of(classic(ByteOrder.LITTLE_ENDIAN, false, LinkLayer.ETHERNET, packets));
        assertEquals(3, imported.result().packetsRead());
        assertEquals(2, imported.result().packetsSkipped());
        assertEquals(List.of(SegmentKind.SYN), imported.kinds());
    }

    @Test
    void aGzipCompressedFileReadsAsTheFileItself() throws Exception {
        byte[] plain = classic(ByteOrder.LITTLE_ENDIAN, true, LinkLayer.RAW, conversation());
        var zipped = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(zipped)) {
            gzip.write(plain);
        }
        assertEquals(Imported.of(plain).segments(), Imported.of(zipped.toByteArray()).segments());
        byte[] cut = Arrays.copyOf(zipped.toByteArray(), zipped.size() - 12); // the gzip trailer and a little data
        assertTrue(Imported.of(cut).result().truncatedAt().isPresent(), "a cut gzip stream is a truncated file");
    }

    @Test
    void aFileCutInsideAPacketKeepsWhatCameBeforeAndSaysWhere() throws Exception {
        byte[] pcap = classic(ByteOrder.LITTLE_ENDIAN, false, LinkLayer.RAW, conversation());
        long thirdRecord = 24 + 2 * (16 + 40);
        for (int cut : new int[] {(int) thirdRecord + 3, (int) thirdRecord + 16 + 10}) {
            var imported = Imported.of(Arrays.copyOf(pcap, cut));
            assertEquals(Optional.of(new Position(3, thirdRecord)), imported.result().truncatedAt(), "cut at " + cut);
            assertEquals(CONVERSATION.subList(0, 2), imported.kinds());
        }
        var p = conversation();
        byte[] ng = CaptureWriter.pcapng(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkLayer.RAW, 0, -1, 0)
                .enhanced(0, 1, p.get(0)).enhanced(0, 2, p.get(1)).bytes();
        long secondBlock = ng.length - blockLength(p.get(1));
        var imported = Imported.of(Arrays.copyOf(ng, ng.length - 1));
        assertEquals(Optional.of(new Position(2, secondBlock)), imported.result().truncatedAt());
        assertEquals(List.of(SegmentKind.SYN), imported.kinds());
    }

    /** An Enhanced Packet Block's length as {@link CaptureWriter#enhanced} writes it. */
    private static int blockLength(byte[] packet) {
        return 12 + 20 + ((packet.length + 3) & ~3) + 4 + 12; // header+trailer, fields, data, comment option
    }

    @Test
    void damagedFilesAreRefusedWithTheirPacketAndOffset() {
        var p = conversation();
        byte[] wrongMagic = classic(ByteOrder.LITTLE_ENDIAN, false, LinkLayer.RAW, p);
        wrongMagic[0] = 0x42;
        assertBad(wrongMagic, new Position(1, 0), "magic number");

        byte[] absurdCaptured = classic(ByteOrder.LITTLE_ENDIAN, false, LinkLayer.RAW, p);
        ByteBuffer.wrap(absurdCaptured).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 56 + 8, 0x7fff_0000);
        assertBad(absurdCaptured, new Position(2, 24 + 56), "captured length 2147418112 is more than 262144");

        byte[] unknownLink = classic(ByteOrder.LITTLE_ENDIAN, false, 147, p);
        assertBad(unknownLink, new Position(1, 20), "link type 147 is not one the lab reads");

        byte[] ng = CaptureWriter.pcapng(ByteOrder.BIG_ENDIAN).interfaceBlock(LinkLayer.RAW, 0, -1, 0)
                .enhanced(0, 1, p.get(0)).bytes();
        int epb = ng.length - blockLength(p.get(0));
        byte[] pastTheLimit = ng.clone();
        ByteBuffer.wrap(pastTheLimit).putInt(epb + 4, 0x4000_0000);
        assertBad(pastTheLimit, new Position(1, epb), "block length 1073741824 is not a multiple of 4 from 12 to 16777216");

        byte[] trailer = ng.clone();
        ByteBuffer.wrap(trailer).putInt(ng.length - 4, 12345);
        assertBad(trailer, new Position(1, epb), "trailing length 12345 differs");

        byte[] noInterface = ng.clone();
        ByteBuffer.wrap(noInterface).putInt(epb + 8, 3);
        assertBad(noInterface, new Position(1, epb), "names interface 3 but its section describes 1");

        byte[] capturedPastBlock = ng.clone();
        ByteBuffer.wrap(capturedPastBlock).putInt(epb + 20, 400);
        assertBad(capturedPastBlock, new Position(1, epb), "captured length 400 runs past its block");

        byte[] arpOnly = classic(ByteOrder.LITTLE_ENDIAN, false, LinkLayer.ETHERNET,
                List.of(ByteBuffer.allocate(42).put(new byte[12]).putShort((short) 0x0806).array()));
        assertBad(arpOnly, new Position(1, arpOnly.length), "holds no TCP segment");
        assertBad(new byte[0], new Position(1, 0), "empty");
    }

    private static void assertBad(byte[] file, Position at, String words) {
        var e = assertThrows(BadCaptureException.class, () -> Imported.of(file));
        assertEquals(at, e.position(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void aPacketCutByTheSnapLengthStillClassifiesFromItsHeaders() throws Exception {
        var w = CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, LinkLayer.ETHERNET);
        var p = conversation();
        for (int i = 0; i < p.size(); i++) {
            byte[] frame = TestPackets.ethernet(p.get(i));
            w.record(EPOCH, i, frame, Math.min(frame.length, 54)); // tcpdump -s 54: Ethernet, IP and TCP headers
        }
        var imported = Imported.of(w.bytes());
        assertEquals(CONVERSATION, imported.kinds());
        assertEquals(5, imported.segments().get(3).len(), "the length comes from the IP header");
        assertEquals(Direction.C2S, imported.segments().get(3).dir());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
