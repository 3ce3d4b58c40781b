package org.keepalivelab.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A packet socket's receive ring ({@code PACKET_RX_RING}, {@code TPACKET_V2}): frames in memory the
 * process shares with the kernel. The kernel copies each packet into the next frame and hands the frame
 * over ({@link Tpacket2Hdr#handedOver}); the reader takes the frames in the same order and hands each one
 * back. Taking a packet costs no system call; only an empty ring is waited on.
 *
 * <p>Version 2, not libpcap's 3: version 3 hands over whole blocks of frames, and a block that the
 * traffic does not fill only when its timer retires it ({@code tp_retire_blk_tov}, counted in jiffies,
 * so 4 ms at {@code HZ=250}), which would put a quiet moment's segment on the timeline milliseconds late.
 * Version 2 hands over each frame as soon as the kernel has filled it.
 *
 * <p>Not thread-safe: one thread reads. {@link #close()} unmaps the ring, through the shared arena the
 * mapping belongs to: a read after it throws {@link IllegalStateException}, never touches unmapped memory.
 */
final class PacketRing implements AutoCloseable {
    /**
     * A frame's bytes: in a {@code SOCK_DGRAM} socket's frame the packet starts 80 bytes in (the 32-byte
     * header and a {@code sockaddr_ll}, aligned to 16, and 16 more: {@code tpacket_rcv},
     * {@code net/packet/af_packet.c}), so 512 keeps the first 432 bytes of each packet, more than the
     * headers the lab reads. A power of two, so frames tile each block exactly.
     */
    static final int FRAME_SIZE = 512;
    /** Each block is physically contiguous memory: 32 pages is an allocation the kernel usually finds at once. */
    private static final int BLOCK_SIZE = 128 << 10;
    private static final int SOL_PACKET = 263;
    private static final int PACKET_RX_RING = 5;

    private final Arena arena;
    private final MemorySegment frames;
    /** Where the frame to read next starts. */
    private long frame;

    private PacketRing(Arena arena, MemorySegment frames) {
        this.arena = arena;
        this.frames = frames;
    }

    /**
     * Gives {@code socket}, already set to {@code TPACKET_V2}, a ring of about {@code bytes} (whole blocks,
     * at least one) and maps it.
     */
    static PacketRing map(SocketDescriptor socket, int bytes) throws LinuxException {
        int blocks = Math.max(1, bytes / BLOCK_SIZE);
        try (var confined = Arena.ofConfined()) {
            socket.setOption(SOL_PACKET, PACKET_RX_RING, TpacketReq.of(confined, BLOCK_SIZE, blocks, FRAME_SIZE),
                    "PACKET_RX_RING");
        }
        long length = (long) blocks * BLOCK_SIZE;
        var arena = Arena.ofShared();
        try {
            return new PacketRing(arena, socket.mapShared(length, arena));
        } catch (LinuxException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** True when the frame to read next holds a packet. */
    boolean ready() {
        return Tpacket2Hdr.handedOver(frames, frame);
    }

    /** The packet's length on the wire; only while {@link #ready()}, as for every accessor below. */
    int length() {
        return Tpacket2Hdr.length(frames, frame);
    }

    /** How many of the packet's bytes the frame holds. */
    int captured() {
        return Tpacket2Hdr.captured(frames, frame);
    }

    /** The kernel's receive stamp, nanoseconds since the epoch. */
    long timestampNanos() {
        return Tpacket2Hdr.timestampNanos(frames, frame);
    }

    /** The packet's {@code bytes} first bytes (at most {@link #captured()}), from its network header. */
    MemorySegment packet(int bytes) {
        return frames.asSlice(frame + Tpacket2Hdr.networkOffset(frames, frame), bytes);
    }

    /** Hands the frame read back to the kernel and moves on to the next one. */
    void handBack() {
        Tpacket2Hdr.handBack(frames, frame);
        frame = (frame + FRAME_SIZE) % frames.byteSize();
    }

    /** Unmaps the ring; a second call does nothing. */
    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
