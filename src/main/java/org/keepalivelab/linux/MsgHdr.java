package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * {@code struct msghdr} ({@code <sys/socket.h>}) for {@code recvmsg(2)}: where a message's bytes and its
 * control messages go. Its two {@code int}s are each followed by 4 bytes of padding, which align the
 * pointer and the {@code size_t} after them.
 */
final class MsgHdr {
    static final StructLayout LAYOUT = structLayout(
            ADDRESS.withName("msg_name"),
            JAVA_INT.withName("msg_namelen"),
            paddingLayout(4),
            ADDRESS.withName("msg_iov"),
            JAVA_LONG.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"),
            JAVA_LONG.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"),
            paddingLayout(4)).withName("msghdr");

    private static final VarHandle MSG_IOV = LAYOUT.varHandle(groupElement("msg_iov"));
    private static final VarHandle MSG_IOVLEN = LAYOUT.varHandle(groupElement("msg_iovlen"));
    private static final VarHandle MSG_CONTROL = LAYOUT.varHandle(groupElement("msg_control"));
    private static final VarHandle MSG_CONTROLLEN = LAYOUT.varHandle(groupElement("msg_controllen"));

    private final MemorySegment segment;
    private final long controlBytes;

    /** A header that receives into the one buffer {@code iov} and {@code control}, and wants no source address. */
    MsgHdr(Arena arena, IoVec iov, MemorySegment control) {
        segment = arena.allocate(LAYOUT);
        MSG_IOV.set(segment, 0L, iov.segment());
        MSG_IOVLEN.set(segment, 0L, 1L);
        MSG_CONTROL.set(segment, 0L, control);
        controlBytes = control.byteSize();
    }

    MemorySegment segment() {
        return segment;
    }

    /** Before each receive: offers the whole control buffer, which recvmsg(2) shrinks to what it wrote. */
    void offerControl() {
        MSG_CONTROLLEN.set(segment, 0L, controlBytes);
    }

    /** Bytes of control messages the last recvmsg(2) wrote. */
    long controlLength() {
        return (long) MSG_CONTROLLEN.get(segment, 0L);
    }
}
