package org.keepalivelab.imports;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** IP packets with a TCP header, built byte by byte as a kernel sends them, and the link headers around them. */
public final class TestPackets {
    public static final byte[] CLIENT_V4 = {10, 0, 0, 1};
    public static final byte[] SERVER_V4 = {10, 0, 0, 2};

    private TestPackets() {
    }

    /** An IPv4 packet: 20-byte IP header, 20-byte TCP header, {@code payload} zero bytes; {@code id} the IP ID. */
    public static byte[] ipv4(byte[] src, int srcPort, byte[] dst, int dstPort, long seq, long ack, int flags,
                              int window, int payload, int id) {
        var b = ByteBuffer.allocate(40 + payload);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload)).putShort((short) id).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0).put(src).put(dst);
        tcp(b, srcPort, dstPort, seq, ack, flags, window);
        return b.array();
    }

    /** An IPv6 packet with a hop-by-hop and a destination-options header before TCP. */
    public static byte[] ipv6WithExtensions(int srcPort, int dstPort, long seq, long ack, int flags, int window,
                                            int payload) {
        int extensions = 16;
        var b = ByteBuffer.allocate(40 + extensions + 20 + payload);
        b.putInt(0x60000000).putShort((short) (extensions + 20 + payload)).put((byte) 0).put((byte) 64)
                .put(new byte[15]).put((byte) 1).put(new byte[15]).put((byte) 2);
        b.put((byte) 60).put((byte) 0).put(new byte[6]); // hop-by-hop, 8 bytes, next: destination options
        b.put((byte) 6).put((byte) 0).put(new byte[6]);  // destination options, 8 bytes, next: TCP
        tcp(b, srcPort, dstPort, seq, ack, flags, window);
        return b.array();
    }

    private static void tcp(ByteBuffer b, int srcPort, int dstPort, long seq, long ack, int flags, int window) {
        b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack)
                .put((byte) (5 << 4)).put((byte) flags).putShort((short) window).putShort((short) 0).putShort((short) 0);
    }

    /** {@code ip} behind an Ethernet header with the given 802.1Q/802.1ad tag types stacked (none for plain). */
    public static byte[] ethernet(byte[] ip, int... tags) {
        var b = ByteBuffer.allocate(14 + 4 * tags.length + ip.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 2}).put(new byte[] {2, 0, 0, 0, 0, 1});
        for (int tag : tags) {
            b.putShort((short) tag).putShort((short) 7); // the tag type, then priority/VLAN id 7
        }
        b.putShort((short) ((ip[0] & 0xf0) == 0x60 ? 0x86dd : 0x0800)).put(ip);
        return b.array();
    }

    /** {@code ip} behind a Linux cooked v1 header (16 bytes, protocol last). */
    public static byte[] sll(byte[] ip) {
        var b = ByteBuffer.allocate(16 + ip.length);
        b.putShort((short) 0).putShort((short) 772).putShort((short) 6).put(new byte[8])
                .putShort((short) ((ip[0] & 0xf0) == 0x60 ? 0x86dd : 0x0800)).put(ip);
        return b.array();
    }

    /** {@code ip} behind a Linux cooked v2 header (20 bytes, protocol first). */
    public static byte[] sll2(byte[] ip) {
        var b = ByteBuffer.allocate(20 + ip.length);
        b.putShort((short) ((ip[0] & 0xf0) == 0x60 ? 0x86dd : 0x0800)).putShort((short) 0).putInt(1)
                .putShort((short) 772).put((byte) 0).put((byte) 6).put(new byte[8]).put(ip);
        return b.array();
    }

    /** {@code ip} behind a BSD loopback header: {@code family} as 4 bytes in {@code order}. */
    public static byte[] loopback(byte[] ip, int family, ByteOrder order) {
        return ByteBuffer.allocate(4 + ip.length).order(order).putInt(family).put(ip).array();
    }
}
