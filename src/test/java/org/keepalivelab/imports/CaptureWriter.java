package org.keepalivelab.imports;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes small pcap and pcapng files in memory, in either byte order, for the readers' tests. */
public final class CaptureWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    private CaptureWriter(ByteOrder order) {
        this.order = order;
    }

    /** A classic pcap file: its header now, then {@link #record}s. */
    public static CaptureWriter pcap(ByteOrder order, boolean nanos, int linkType) {
        var w = new CaptureWriter(order);
        w.put(ByteBuffer.allocate(24).order(order).putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4)
                .putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(linkType));
        return w;
    }

    /** A pcapng file: its first Section Header Block now. */
    public static CaptureWriter pcapng(ByteOrder order) {
        var w = new CaptureWriter(order);
        w.section();
        return w;
    }

    /** A classic pcap record. */
    public CaptureWriter record(long epochSeconds, long fraction, byte[] packet) {
        return record(epochSeconds, fraction, packet, packet.length);
    }

    /** A classic pcap record of the packet's first {@code captured} bytes. */
    public CaptureWriter record(long epochSeconds, long fraction, byte[] packet, int captured) {
        put(ByteBuffer.allocate(16).order(order).putInt((int) epochSeconds).putInt((int) fraction)
                .putInt(captured).putInt(packet.length));
        out.write(packet, 0, captured);
        return this;
    }

    /** A new Section Header Block (in this writer's byte order), with a comment option. */
    public CaptureWriter section() {
        byte[] comment = option(1, "made by a test".getBytes());
        block(0x0a0d0d0a, ByteBuffer.allocate(16 + comment.length).order(order).putInt(0x1a2b3c4d)
                .putShort((short) 1).putShort((short) 0).putLong(-1).put(comment).array());
        return this;
    }

    /** An Interface Description Block named lo with an if_tsresol ({@code resolution}, or none when negative) and an if_tsoffset. */
    public CaptureWriter interfaceBlock(int linkType, int snapLength, int resolution, long offsetSeconds) {
        return interfaceBlock(linkType, snapLength, resolution, offsetSeconds, "lo", null);
    }

    /** {@link #interfaceBlock(int, int, int, long)} with an if_name and an if_description, each left out when null. */
    public CaptureWriter interfaceBlock(int linkType, int snapLength, int resolution, long offsetSeconds, String name,
                                        String description) {
        var options = new ByteArrayOutputStream();
        if (name != null) {
            options.writeBytes(option(2, name.getBytes(StandardCharsets.UTF_8)));
        }
        if (description != null) {
            options.writeBytes(option(3, description.getBytes(StandardCharsets.UTF_8)));
        }
        if (resolution >= 0) {
            options.writeBytes(option(9, new byte[] {(byte) resolution}));
        }
        if (offsetSeconds != 0) {
            options.writeBytes(option(14, ByteBuffer.allocate(8).order(order).putLong(offsetSeconds).array()));
        }
        options.writeBytes(new byte[4]); // opt_endofopt
        block(1, ByteBuffer.allocate(8 + options.size()).order(order).putShort((short) linkType).putShort((short) 0)
                .putInt(snapLength).put(options.toByteArray()).array());
        return this;
    }

    /** An Enhanced Packet Block with a comment option. */
    public CaptureWriter enhanced(int iface, long stamp, byte[] packet) {
        byte[] comment = option(1, "keep-alive".getBytes());
        int padded = (packet.length + 3) & ~3;
        block(6, ByteBuffer.allocate(20 + padded + comment.length).order(order).putInt(iface)
                .putInt((int) (stamp >>> 32)).putInt((int) stamp).putInt(packet.length).putInt(packet.length)
                .put(packet).position(20 + padded).put(comment).array());
        return this;
    }

    /** A Simple Packet Block. */
    public CaptureWriter simple(byte[] packet) {
        int padded = (packet.length + 3) & ~3;
        block(3, ByteBuffer.allocate(4 + padded).order(order).putInt(packet.length).put(packet).array());
        return this;
    }

    /** A block of a type the readers do not know (a custom block, 0x00000BAD), to be skipped. */
    public CaptureWriter unknown() {
        block(0x00000bad, new byte[12]);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private void block(int type, byte[] body) {
        int padded = (body.length + 3) & ~3;
        int length = 12 + padded;
        put(ByteBuffer.allocate(length).order(order).putInt(type).putInt(length).put(body)
                .position(8 + padded).putInt(length));
    }

    private byte[] option(int code, byte[] value) {
        int padded = (value.length + 3) & ~3;
        return ByteBuffer.allocate(4 + padded).order(order).putShort((short) code).putShort((short) value.length)
                .put(value).array();
    }

    private void put(ByteBuffer b) {
        out.write(b.array(), 0, b.capacity());
    }
}
