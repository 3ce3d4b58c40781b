package org.keepalivelab.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.imports.TestPackets.CLIENT_V4;
import static org.keepalivelab.imports.TestPackets.SERVER_V4;
import static org.keepalivelab.model.TcpFlags.ACK;
import static org.keepalivelab.model.TcpFlags.PSH;
import static org.keepalivelab.model.TcpFlags.SYN;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentKind;

/** Connections from a file: numbering, who is the client, duplicates, the filter, labels assumed from the capture. */
class CaptureImportTest {
    private static final byte[] OTHER_V4 = {10, 0, 0, 3};

    /** Packets and their times in ns since the epoch, as a little-endian nanosecond pcap of raw IP. */
    private final List<byte[]> packets = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();

    private CaptureImportTest at(long nanos, byte[] packet) {
        times.add(nanos);
        packets.add(packet);
        return this;
    }

    private Imported read() throws Exception {
        return read(null);
    }

    private Imported read(EndpointFilter filter) throws Exception {
        var w = CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, true, LinkLayer.RAW);
        for (int i = 0; i < packets.size(); i++) {
            w.record(times.get(i) / 1_000_000_000L, times.get(i) % 1_000_000_000L, packets.get(i));
        }
        return Imported.of(w.bytes(), filter);
    }

    private static byte[] c2s(long seq, long ack, int flags, int window, int len, int id) {
        return TestPackets.ipv4(CLIENT_V4, 40000, SERVER_V4, 80, seq, ack, flags, window, len, id);
    }

    private static byte[] s2c(long seq, long ack, int flags, int window, int len, int id) {
        return TestPackets.ipv4(SERVER_V4, 80, CLIENT_V4, 40000, seq, ack, flags, window, len, id);
    }

    @Test
    void theClientIsTheSynsSenderOrWithoutAHandshakeTheHigherPort() throws Exception {
        at(0, s2c(5000, 1001, SYN | ACK, 65535, 0, 1));                                    // SYN missed
        at(1, TestPackets.ipv4(OTHER_V4, 80, CLIENT_V4, 50000, 7000, 100, ACK, 512, 0, 1)); // mid-connection
        at(2, TestPackets.ipv4(OTHER_V4, 9000, SERVER_V4, 9000, 1, 1, ACK, 512, 0, 1));    // equal ports
        at(3, TestPackets.ipv4(SERVER_V4, 9000, OTHER_V4, 9000, 1, 2, ACK, 512, 0, 1));
        var connections = read().result().connections();
        assertEquals(List.of(ClientRule.SYN_ACK, ClientRule.HIGHER_PORT, ClientRule.FIRST_SENDER),
                connections.stream().map(ImportResult.Connection::clientRule).toList());
        assertEquals("10.0.0.1:40000", connections.get(0).client().toString());
        assertEquals("10.0.0.1:50000", connections.get(1).client().toString());
        assertEquals("10.0.0.3:80", connections.get(1).server().toString());
        assertEquals("10.0.0.3:9000", connections.get(2).client().toString());
        assertEquals(List.of(1, 2, 3), connections.stream().map(ImportResult.Connection::conn).toList(),
                "numbered in the order of their first packet");
    }

    @Test
    void theSamePacketWithinAMillisecondIsADuplicateAndARetransmissionIsNot() throws Exception {
        at(0, c2s(1000, 0, SYN, 65535, 0, 1));
        at(10_000, c2s(1000, 0, SYN, 65535, 0, 1));                  // the same bytes seen again: dropped
        at(20_000, s2c(5000, 1001, SYN | ACK, 512, 0, 1));
        at(30_000, c2s(1001, 5001, ACK, 512, 0, 2));
        at(40_000, c2s(1001, 5001, PSH | ACK, 512, 5, 3));
        at(40_500, s2c(5001, 1001, ACK, 512, 0, 2));                 // another packet between the copies
        at(41_000, c2s(1001, 5001, PSH | ACK, 512, 5, 3));           // a copy: dropped
        at(300_000_000, c2s(1001, 5001, PSH | ACK, 512, 5, 4));      // sent again by the timer: new IP ID
        at(300_010_000, s2c(5001, 1006, ACK, 512, 0, 3));
        at(400_000_000, s2c(5001, 1006, ACK, 512, 0, 3));            // the same bytes 100 ms later: kept
        var imported = read();
        assertEquals(2, imported.result().packetsDuplicated());
        assertEquals(List.of(SegmentKind.SYN, SegmentKind.SYN_ACK, SegmentKind.ACK, SegmentKind.DATA, SegmentKind.ACK,
                SegmentKind.RETRANSMISSION, SegmentKind.ACK, SegmentKind.ACK), imported.kinds());
        assertFalse(imported.eventOfPacket().containsKey(2L), "the dropped copy is no event");
    }

    @Test
    void aCopyAfterABurstOfTheConnectionsPacketsIsStillADuplicate() throws Exception {
        // dumpcap on two interfaces writes one interface's burst, then the other's: each copy comes 20 packets
        // later in the file, after packets captured up to 190 ms after it.
        for (int copy = 0; copy < 2; copy++) {
            for (int i = 0; i < 20; i++) {
                at(i * 10_000_000L + copy * 300, c2s(1001 + i, 5001, ACK, 512, 0, 10 + i));
            }
        }
        var imported = read();
        assertEquals(20, imported.result().packetsDuplicated());
        assertEquals(20, imported.segments().size());
    }

    @Test
    void aNewSynOnTheSameAddressesIsANewConnection() throws Exception {
        at(0, c2s(1000, 0, SYN, 65535, 0, 1));
        at(1, c2s(1000, 0, SYN, 65535, 0, 1)).at(1_000_000_000L, c2s(1000, 0, SYN, 65535, 0, 2)); // sent again
        at(1_000_000_001L, s2c(5000, 1001, SYN | ACK, 65535, 0, 1));
        at(1_000_000_002L, c2s(1001, 5001, ACK, 512, 0, 3));
        at(9_000_000_000L, c2s(77_000, 0, SYN, 65535, 0, 9));      // the port used again, a new ISN
        var imported = read();
        assertEquals(2, imported.result().connections().size());
        assertEquals(List.of(1, 1, 1, 1, 2), imported.segments().stream().map(e -> e.conn()).toList().subList(0, 5));
        assertEquals(SegmentKind.RETRANSMISSION, imported.kinds().get(1));
    }

    @Test
    void theFilterKeepsTheConnectionsWithAnEndThereAndNumbersThemFromOne() throws Exception {
        at(0, TestPackets.ipv4(OTHER_V4, 40001, SERVER_V4, 8080, 1, 0, SYN, 65535, 0, 1));
        at(1, c2s(1000, 0, SYN, 65535, 0, 1));
        at(2, s2c(5000, 1001, SYN | ACK, 65535, 0, 1));
        for (String endpoint : List.of(":80", "10.0.0.2:80", "10.0.0.1:40000")) {
            var imported = read(EndpointFilter.parse(endpoint));
            assertEquals(1, imported.result().connections().size(), endpoint);
            assertEquals(1, imported.result().connections().getFirst().conn());
            assertEquals(2, imported.segments().size());
            assertEquals(1, imported.result().packetsFiltered());
        }
        assertEquals(":80", EndpointFilter.parse(":80").toString());
        assertEquals("[2001:db8::1]:443", EndpointFilter.parse("[2001:db8::1]:443").toString());
        for (String bad : List.of("80", "host:80", "10.0.0.1:0", "10.0.0.1:65536", "::1:80", "[10.0.0.1]:80", ":x")) {
            var e = assertThrows(IllegalArgumentException.class, () -> EndpointFilter.parse(bad));
            assertTrue(e.getMessage().contains(EndpointFilter.FORMS), e.getMessage());
        }
    }

    @Test
    void aKeepAliveShapedProbeIntoAZeroWindowIsAZeroWindowProbeAssumedFromTheCapture() throws Exception {
        at(0, c2s(1000, 0, SYN, 65535, 0, 1));
        at(1, s2c(5000, 1001, SYN | ACK, 65535, 0, 1));
        at(2, c2s(1001, 5001, ACK, 512, 0, 2));
        at(3, c2s(1001, 5001, PSH | ACK, 512, 100, 3));
        at(4, s2c(5001, 1101, ACK, 0, 0, 2));              // the server's window closes
        at(5, c2s(1100, 5001, ACK, 512, 0, 4));            // Linux's persist probe: a keep-alive's shape
        at(6, s2c(5001, 1101, ACK, 0, 0, 3));
        var imported = read();
        assertEquals(SegmentKind.ZERO_WINDOW_PROBE, imported.kinds().get(5));
        assertEquals(Direction.C2S, imported.segments().get(5).dir());
        assertEquals(1, imported.result().assumed().size());
        assertTrue(imported.result().assumed().contains(imported.eventOfPacket().get(6L)), "the sixth packet's event");
    }

    @Test
    void aKeepAliveAndItsAckAreLabelledFromTheSegmentsAlone() throws Exception {
        at(0, c2s(1000, 0, SYN, 65535, 0, 1));
        at(1, s2c(5000, 1001, SYN | ACK, 65535, 0, 1));
        at(2, c2s(1001, 5001, ACK, 512, 0, 2));
        at(3, s2c(5000, 1001, ACK, 512, 0, 2));            // the server's keep-alive: seq one before next
        at(4, c2s(1001, 5001, ACK, 512, 0, 3));            // the client's answer
        var imported = read();
        assertEquals(List.of(SegmentKind.KEEPALIVE, SegmentKind.KEEPALIVE_ACK), imported.kinds().subList(3, 5));
        assertEquals(0, imported.result().assumed().size());
    }
}
