package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code struct iphdr} ({@code <linux/ip.h>}): an IPv4 header without options, every field in network
 * byte order. Its first byte holds two 4-bit fields, the version (high) and the header's length in
 * 32-bit words (low): one byte here, as it is in memory.
 */
final class IpHeader {
    static final StructLayout LAYOUT = structLayout(
            JAVA_BYTE.withName("version_ihl"),
            JAVA_BYTE.withName("tos"),
            JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("tot_len"),
            JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("id"),
            JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("frag_off"),
            JAVA_BYTE.withName("ttl"),
            JAVA_BYTE.withName("protocol"),
            JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("check"),
            JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("saddr"),
            JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("daddr")).withName("iphdr");

    /** Version 4, five 32-bit words: no options. */
    private static final byte VERSION_4_NO_OPTIONS = 0x45;
    /** {@code IP_DF} ({@code include/net/ip.h}): Linux sets it on every TCP segment it sends. */
    private static final short DONT_FRAGMENT = 0x4000;
    /** {@code IPDEFTTL} ({@code include/uapi/linux/ip.h}), {@code net.ipv4.ip_default_ttl}'s default. */
    private static final byte DEFAULT_TTL = 64;
    static final byte PROTOCOL_TCP = 6;

    private static final VarHandle VERSION_IHL = LAYOUT.varHandle(groupElement("version_ihl"));
    private static final VarHandle FRAG_OFF = LAYOUT.varHandle(groupElement("frag_off"));
    private static final VarHandle TTL = LAYOUT.varHandle(groupElement("ttl"));
    private static final VarHandle PROTOCOL = LAYOUT.varHandle(groupElement("protocol"));
    private static final VarHandle SADDR = LAYOUT.varHandle(groupElement("saddr"));
    private static final VarHandle DADDR = LAYOUT.varHandle(groupElement("daddr"));

    private IpHeader() {
    }

    /**
     * Writes the header of a TCP segment from {@code source} to {@code destination} at the start of
     * {@code packet} (zeroed). The total length, the identification and the header checksum stay 0: a
     * raw socket sending with {@code IP_HDRINCL} fills them in ({@code raw_send_hdrinc},
     * {@code net/ipv4/raw.c}).
     */
    static void writeTcp(MemorySegment packet, Inet4Address source, Inet4Address destination) {
        VERSION_IHL.set(packet, 0L, VERSION_4_NO_OPTIONS);
        FRAG_OFF.set(packet, 0L, DONT_FRAGMENT);
        TTL.set(packet, 0L, DEFAULT_TTL);
        PROTOCOL.set(packet, 0L, PROTOCOL_TCP);
        SADDR.set(packet, 0L, asInt(source));
        DADDR.set(packet, 0L, asInt(destination));
    }

    /** The address's four bytes as one number, the first byte highest. */
    static int asInt(Inet4Address address) {
        return ByteBuffer.wrap(address.getAddress()).getInt();
    }
}
