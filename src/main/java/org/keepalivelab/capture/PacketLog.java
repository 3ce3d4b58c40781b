package org.keepalivelab.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Every captured packet of the lab's connections, kept as pcap records (nanosecond stamps, the
 * captured headers and the original length), so a pcap export is a header and a copy.
 *
 * <p>One writer (the capture thread), any number of readers: records are appended into fixed-size
 * chunks and published by a volatile count.
 */
public final class PacketLog {
    /** pcap's link type for bare IP packets, which is what a {@code SOCK_DGRAM} packet socket yields. */
    public static final int LINKTYPE_RAW = 101;
    private static final int MAGIC_NANOSECONDS = 0xa1b23c4d;
    private static final int RECORD_HEADER = 16;
    private static final int CHUNK = 1 << 20;

    private final List<ByteBuffer> chunks = new ArrayList<>();
    private final int snapLength;
    private volatile long published; // bytes readable, over all chunks
    private volatile int packets;

    public PacketLog(int snapLength) {
        this.snapLength = snapLength;
    }

    /** Records one packet: its stamp, its first {@code captured} bytes, and its full length. */
    public void append(long epochNanos, MemorySegment packet, int captured, int length) {
        ByteBuffer chunk;
        synchronized (chunks) {
            chunk = chunks.isEmpty() ? null : chunks.getLast();
            if (chunk == null || chunk.remaining() < RECORD_HEADER + captured) {
                chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                chunks.add(chunk);
            }
        }
        chunk.putInt((int) (epochNanos / 1_000_000_000L))
                .putInt((int) (epochNanos % 1_000_000_000L))
                .putInt(captured)
                .putInt(length);
        MemorySegment.copy(packet, ValueLayout.JAVA_BYTE, 0, chunk.array(), chunk.position(), captured);
        chunk.position(chunk.position() + captured);
        packets = packets + 1;
        published = published + RECORD_HEADER + captured;
    }

    public int packets() {
        return packets;
    }

    /** Writes a classic pcap file (nanosecond timestamps, raw IP) of every packet so far. */
    public void writePcap(OutputStream out) throws IOException {
        var header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(MAGIC_NANOSECONDS)
                .putShort((short) 2).putShort((short) 4) // version 2.4
                .putInt(0).putInt(0)                      // GMT offset, accuracy
                .putInt(snapLength)
                .putInt(LINKTYPE_RAW);
        out.write(header.array());
        List<ByteBuffer> snapshot;
        synchronized (chunks) {
            snapshot = List.copyOf(chunks);
        }
        long remaining = published;
        for (var chunk : snapshot) {
            int n = (int) Math.min(remaining, chunk.position());
            out.write(chunk.array(), 0, n);
            remaining -= n;
        }
    }
}
