package org.keepalivelab.capture;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Decodes the TCP segment in an IPv4 or IPv6 packet (no link header), or says it is none. It reads only
 * the headers, so a packet the capture cut short (its snap length) still decodes while its TCP header is there.
 */
public final class SegmentDecoder {
    private static final int PROTO_TCP = 6;
    // IPv6 next-header values (IANA's protocol numbers) the decoder steps over on its way to TCP.
    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int AUTHENTICATION = 51;
    private static final int DESTINATION_OPTIONS = 60;
    /** More than this many extension headers before TCP is not a packet anyone sends: it is not read. */
    private static final int MAX_EXTENSION_HEADERS = 8;
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
            ipHeader = ipv6TcpHeader(packet, captured);
            if (ipHeader < 0) {
                return null;
            }
            ipPayload = 40 + u16(packet, 4) - ipHeader; // the payload length counts the extension headers
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

    /**
     * Where TCP starts behind an IPv6 header and its extension headers (RFC 8200, section 4: hop-by-hop,
     * routing, destination options and fragment; RFC 4302: the authentication header, whose length is in
     * 4-byte units less 2), or -1 when the chain does not lead to TCP, is cut by the capture, or is a
     * later fragment (which holds no TCP header). The lab's own traffic has none; imported captures may.
     */
    private static int ipv6TcpHeader(MemorySegment packet, int captured) {
        int next = Byte.toUnsignedInt(packet.get(JAVA_BYTE, 6));
        int at = 40;
        for (int headers = 0; headers < MAX_EXTENSION_HEADERS; headers++) {
            if (next == PROTO_TCP) {
                return at;
            }
            if (captured < at + 8) {
                return -1;
            }
            int length = Byte.toUnsignedInt(packet.get(JAVA_BYTE, at + 1));
            switch (next) {
                case HOP_BY_HOP, ROUTING, DESTINATION_OPTIONS -> length = (length + 1) * 8;
                case AUTHENTICATION -> length = (length + 2) * 4;
                case FRAGMENT -> {
                    if ((u16(packet, at + 2) & 0xfff8) != 0) {
                        return -1;
                    }
                    length = 8;
                }
                default -> {
                    return -1;
                }
            }
            next = Byte.toUnsignedInt(packet.get(JAVA_BYTE, at));
            at += length;
        }
        return -1;
    }

    private static int u16(MemorySegment packet, long offset) {
        return Short.toUnsignedInt(packet.get(U16, offset));
    }

    private static long u32(MemorySegment packet, long offset) {
        return Integer.toUnsignedLong(packet.get(U32, offset));
    }
}
