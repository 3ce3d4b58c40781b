package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/** {@code struct iovec} ({@code <sys/uio.h>}): one buffer, its address and its length. */
final class IoVec {
    static final StructLayout LAYOUT = structLayout(
            ADDRESS.withName("iov_base"),
            JAVA_LONG.withName("iov_len")).withName("iovec");

    private static final VarHandle IOV_BASE = LAYOUT.varHandle(groupElement("iov_base"));
    private static final VarHandle IOV_LEN = LAYOUT.varHandle(groupElement("iov_len"));

    private final MemorySegment segment;

    /** An iovec for all of {@code buffer}. */
    IoVec(Arena arena, MemorySegment buffer) {
        segment = arena.allocate(LAYOUT);
        IOV_BASE.set(segment, 0L, buffer);
        IOV_LEN.set(segment, 0L, buffer.byteSize());
    }

    MemorySegment segment() {
        return segment;
    }
}
