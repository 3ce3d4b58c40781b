package org.keepalivelab.capture;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Decodes the TCP segment in an IPv4 or IPv6 packet (no link header), or says it is none. */
public final class SegmentDecoder {
    private static final int PROTO_TCP = 6;
    private static final ValueLayout.OfShort U16 = JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U32 = JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private SegmentDecoder() {
    }

    /**
     * @param packet   the packet's first {@code captured} bytes
     * @param captured how many bytes of it are there
     * @return the segment, or {@code null} for a packet that is not TCP or too short to read
     */
    public static TcpSegment decode(MemorySegment packet, int captured) {
        if (captured < 1) {
            return null;
        }
        int version = Byte.toUnsignedInt(packet.get(JAVA_BYTE, 0)) >>> 4;
        int ipHeader;
        int ipPayload;
        if (version == 4 && captured >= 20) {
            ipHeader = (packet.get(JAVA_BYTE, 0) & 0x0f) * 4;
            ipPayload = u16(packet, 2) - ipHeader;
            boolean laterFragment = (u16(packet, 6) & 0x1fff) != 0; // no TCP header in it
            if (ipHeader < 20 || laterFragment || Byte.toUnsignedInt(packet.get(JAVA_BYTE, 9)) != PROTO_TCP) {
                return null;
            }
        } else if (version == 6 && captured >= 40) {
            // Lab traffic carries no extension headers: TCP follows the fixed header or it is not ours.
            ipHeader = 40;
            ipPayload = u16(packet, 4);
            if (Byte.toUnsignedInt(packet.get(JAVA_BYTE, 6)) != PROTO_TCP) {
                return null;
            }
        } else {
            return null;
        }
        if (captured < ipHeader + 20) {
            return null;
        }
        int tcpHeader = (Byte.toUnsignedInt(packet.get(JAVA_BYTE, ipHeader + 12)) >>> 4) * 4;
        if (tcpHeader < 20) {
            return null; // malformed: no TCP header is that short
        }
        return new TcpSegment(
                u16(packet, ipHeader),
                u16(packet, ipHeader + 2),
                u32(packet, ipHeader + 4),
                u32(packet, ipHeader + 8),
                Byte.toUnsignedInt(packet.get(JAVA_BYTE, ipHeader + 13)),
                u16(packet, ipHeader + 14),
                Math.max(0, ipPayload - tcpHeader));
    }

    private static int u16(MemorySegment packet, long offset) {
        return Short.toUnsignedInt(packet.get(U16, offset));
    }

    private static long u32(MemorySegment packet, long offset) {
        return Integer.toUnsignedLong(packet.get(U32, offset));
    }
}
