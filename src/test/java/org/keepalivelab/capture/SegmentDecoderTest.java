package org.keepalivelab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.keepalivelab.model.TcpFlags;

/** The decoder on packets laid out as the packet socket hands them over: IP header first, no link header. */
class SegmentDecoderTest {

    /** A TCP header with a 12-byte option block (as Linux sends with timestamps): 32 bytes. */
    private static ByteBuffer tcp(ByteBuffer packet, int flags) {
        return packet.putShort((short) 40000).putShort((short) 8080)
                .putInt(0xfffffff0).putInt(0x00000010)
                .put((byte) (8 << 4)).put((byte) flags).putShort((short) 512)
                .putShort((short) 0).putShort((short) 0)
                .put(new byte[12]);
    }

    private static TcpSegment decode(ByteBuffer packet) {
        return SegmentDecoder.decode(MemorySegment.ofArray(packet.array()), packet.position());
    }

    @Test
    void ipv4SegmentWithPayload() {
        var packet = ByteBuffer.allocate(256);
        packet.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 32 + 5)) // version 4, IHL 5, total length
                .putInt(0).put((byte) 64).put((byte) 6).putShort((short) 0)    // TTL, protocol TCP
                .putInt(0x7f000001).putInt(0x7f000001);
        tcp(packet, TcpFlags.PSH | TcpFlags.ACK).put("howdy".getBytes());

        var s = decode(packet);
        assertEquals(new TcpSegment(40000, 8080, 0xfffffff0L, 0x10, TcpFlags.PSH | TcpFlags.ACK, 512, 5), s);
    }

    @Test
    void ipv6SegmentWithoutPayload() {
        var packet = ByteBuffer.allocate(256);
        packet.putInt(0x60000000).putShort((short) 32).put((byte) 6).put((byte) 64) // payload length, next header TCP
                .put(new byte[15]).put((byte) 1).put(new byte[15]).put((byte) 1);   // ::1 -> ::1
        tcp(packet, TcpFlags.ACK);

        var s = decode(packet);
        assertEquals(new TcpSegment(40000, 8080, 0xfffffff0L, 0x10, TcpFlags.ACK, 512, 0), s);
    }

    @Test
    void payloadLengthComesFromTheIpHeaderWhenOnlyHeadersWereCaptured() {
        var packet = ByteBuffer.allocate(256);
        packet.put((byte) 0x45).put((byte) 0).putShort((short) 65_000)
                .putInt(0).put((byte) 64).put((byte) 6).putShort((short) 0)
                .putInt(0x7f000001).putInt(0x7f000001);
        tcp(packet, TcpFlags.ACK);

        assertEquals(65_000 - 20 - 32, decode(packet).len());
    }

    @Test
    void otherProtocolsAndShortPacketsAreNotSegments() {
        var udp = ByteBuffer.allocate(64);
        udp.put((byte) 0x45).put((byte) 0).putShort((short) 28).putInt(0).put((byte) 64).put((byte) 17)
                .putShort((short) 0).putInt(0x7f000001).putInt(0x7f000001).put(new byte[8]);
        var truncated = ByteBuffer.allocate(64);
        truncated.put((byte) 0x45).put(new byte[10]);

        assertNull(decode(udp));
        assertNull(decode(truncated));
    }
}
