package org.keepalivelab.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.keepalivelab.model.store.MappedBlocks;
import org.keepalivelab.model.store.StoreDirectory;

/**
 * Every captured packet of the lab's connections, kept as pcap records (nanosecond stamps, the
 * captured headers and the original length), so a pcap export is a header and a copy.
 *
 * <p>One writer (the capture thread), any number of readers: records are appended into fixed-size
 * chunks and published by a volatile count. The chunks live off the heap, in memory-mapped files of the
 * process's store directory ({@link MappedBlocks}): a garbage collection never copies them, and its
 * pauses, which stop the capture thread too, stay short however much was captured; and the kernel's
 * page cache, not the process's anonymous memory, holds them, so a lab left running overnight does not
 * grow by what it captured.
 */
public final class PacketLog {
    /** pcap's link type for bare IP packets, which is what a {@code SOCK_DGRAM} packet socket yields. */
    public static final int LINKTYPE_RAW = 101;
    private static final int MAGIC_NANOSECONDS = 0xa1b23c4d;
    private static final int RECORD_HEADER = 16;
    private static final int CHUNK = 1 << 20;
    private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** The store's files: the first holds a chunk, the largest 16 (16 MB). */
    private static final long LARGEST_FILE = 16L * CHUNK;

    /** A chunk's bytes and how many of them hold records. */
    private static final class Chunk {
        final MemorySegment bytes;
        /** Written by the writer only; a reader that read {@code published} first sees at least what it counted. */
        long used;

        Chunk(MemorySegment bytes) {
            this.bytes = bytes;
        }
    }

    private final List<Chunk> chunks = new ArrayList<>();
    private final MappedBlocks store;
    private final int snapLength;
    private volatile long published; // bytes readable, over all chunks
    private volatile int packets;

    /** An empty log of packets cut to {@code snapLength} bytes, stored in this process's store directory. */
    public PacketLog(int snapLength) {
        this(snapLength, StoreDirectory.process());
    }

    public PacketLog(int snapLength, StoreDirectory directory) {
        if (snapLength <= 0 || snapLength > CHUNK - RECORD_HEADER) {
            throw new IllegalArgumentException("snap length must be 1.." + (CHUNK - RECORD_HEADER) + " bytes: " + snapLength);
        }
        this.snapLength = snapLength;
        this.store = new MappedBlocks(directory, "packets", CHUNK, LARGEST_FILE, CHUNK);
    }

    /** Records one packet: its stamp, its first {@code captured} bytes, and its full length. */
    public void append(long epochNanos, MemorySegment packet, int captured, int length) {
        Chunk chunk;
        synchronized (chunks) {
            chunk = chunks.isEmpty() ? null : chunks.getLast();
            if (chunk == null || CHUNK - chunk.used < RECORD_HEADER + captured) {
                chunk = new Chunk(store.allocate(CHUNK));
                chunks.add(chunk);
            }
        }
        var bytes = chunk.bytes;
        long at = chunk.used;
        bytes.set(INT_LE, at, (int) (epochNanos / 1_000_000_000L));
        bytes.set(INT_LE, at + 4, (int) (epochNanos % 1_000_000_000L));
        bytes.set(INT_LE, at + 8, captured);
        bytes.set(INT_LE, at + 12, length);
        MemorySegment.copy(packet, 0, bytes, at + RECORD_HEADER, captured);
        chunk.used = at + RECORD_HEADER + captured;
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
        List<Chunk> snapshot;
        synchronized (chunks) {
            snapshot = List.copyOf(chunks);
        }
        // Read after the snapshot: it may also count bytes in a chunk added since, which the loop never reaches.
        long remaining = published;
        var channel = Channels.newChannel(out);
        for (var chunk : snapshot) {
            long n = Math.min(remaining, chunk.used);
            var records = chunk.bytes.asSlice(0, n).asByteBuffer();
            while (records.hasRemaining()) {
                channel.write(records);
            }
            remaining -= n;
        }
    }
}
