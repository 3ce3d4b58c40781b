package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.net.Inet4Address;
import java.nio.ByteOrder;

/**
 * {@code struct tcphdr} ({@code <linux/tcp.h>}): a TCP header without options, every field in network
 * byte order. Its 13th byte holds the data offset (high 4 bits, in 32-bit words) and reserved bits, its
 * 14th the flags: two bytes here, as they are in memory.
 */
final class TcpHeader {
    private static final ValueLayout.OfShort U16 = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);

    static final StructLayout LAYOUT = structLayout(
            U16.withName("source"),
            U16.withName("dest"),
            JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("seq"),
            JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("ack_seq"),
            JAVA_BYTE.withName("doff_res1"),
            JAVA_BYTE.withName("flags"),
            U16.withName("window"),
            U16.withName("check"),
            U16.withName("urg_ptr")).withName("tcphdr");

    /** Five 32-bit words, no options, in the data offset's high nibble. */
    private static final byte FIVE_WORDS = 5 << 4;
    private static final byte RST = 0x04;

    private static final VarHandle SOURCE = LAYOUT.varHandle(groupElement("source"));
    private static final VarHandle DEST = LAYOUT.varHandle(groupElement("dest"));
    private static final VarHandle SEQ = LAYOUT.varHandle(groupElement("seq"));
    private static final VarHandle DOFF = LAYOUT.varHandle(groupElement("doff_res1"));
    private static final VarHandle FLAGS = LAYOUT.varHandle(groupElement("flags"));
    private static final VarHandle CHECK = LAYOUT.varHandle(groupElement("check"));

    private TcpHeader() {
    }

    /**
     * Writes a bare RST (no ACK, window 0, no options) with sequence number {@code seq} into
     * {@code header} (zeroed), checksum included: the kernel computes none for a raw socket's packet
     * ({@code raw_send_hdrinc} leaves it {@code CHECKSUM_NONE}), and the receiving TCP checks it.
     */
    static void writeReset(MemorySegment header, Inet4Address source, int sourcePort, Inet4Address destination,
                           int destinationPort, long seq) {
        SOURCE.set(header, 0L, (short) sourcePort);
        DEST.set(header, 0L, (short) destinationPort);
        SEQ.set(header, 0L, (int) seq);
        DOFF.set(header, 0L, FIVE_WORDS);
        FLAGS.set(header, 0L, RST);
        CHECK.set(header, 0L, checksum(header, source, destination));
    }

    /**
     * The TCP checksum (RFC 9293 3.1): the one's complement of the one's complement sum of the
     * pseudo-header (both addresses, zero, the protocol, the TCP length) and the segment, as 16-bit words
     * (RFC 1071). {@code segment} is header and payload, its checksum field 0, of an even length.
     */
    static short checksum(MemorySegment segment, Inet4Address source, Inet4Address destination) {
        long sum = words(IpHeader.asInt(source)) + words(IpHeader.asInt(destination))
                + IpHeader.PROTOCOL_TCP + segment.byteSize();
        for (long i = 0; i < segment.byteSize(); i += 2) {
            sum += Short.toUnsignedInt(segment.get(U16.withByteAlignment(1), i));
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (short) ~sum;
    }

    /** A 32-bit value as the sum of its two 16-bit words. */
    private static long words(int value) {
        return (value >>> 16) + (value & 0xffff);
    }
}
