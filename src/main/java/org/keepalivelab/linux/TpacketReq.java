package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * {@code struct tpacket_req} ({@code <linux/if_packet.h>}): the shape of a {@code TPACKET_V1}/{@code V2}
 * ring asked for with {@code PACKET_RX_RING}: blocks of physically contiguous pages, each cut into
 * frames, and the total count of frames, which must be the frames per block times the blocks
 * ({@code packet_set_ring}, {@code net/packet/af_packet.c}).
 */
final class TpacketReq {
    static final StructLayout LAYOUT = structLayout(
            JAVA_INT.withName("tp_block_size"),
            JAVA_INT.withName("tp_block_nr"),
            JAVA_INT.withName("tp_frame_size"),
            JAVA_INT.withName("tp_frame_nr")).withName("tpacket_req");

    private static final VarHandle TP_BLOCK_SIZE = LAYOUT.varHandle(groupElement("tp_block_size"));
    private static final VarHandle TP_BLOCK_NR = LAYOUT.varHandle(groupElement("tp_block_nr"));
    private static final VarHandle TP_FRAME_SIZE = LAYOUT.varHandle(groupElement("tp_frame_size"));
    private static final VarHandle TP_FRAME_NR = LAYOUT.varHandle(groupElement("tp_frame_nr"));

    private TpacketReq() {
    }

    /** A request for {@code blocks} blocks of {@code blockSize} bytes, cut into frames of {@code frameSize}. */
    static MemorySegment of(Arena arena, int blockSize, int blocks, int frameSize) {
        var segment = arena.allocate(LAYOUT);
        TP_BLOCK_SIZE.set(segment, 0L, blockSize);
        TP_BLOCK_NR.set(segment, 0L, blocks);
        TP_FRAME_SIZE.set(segment, 0L, frameSize);
        TP_FRAME_NR.set(segment, 0L, blockSize / frameSize * blocks);
        return segment;
    }
}
