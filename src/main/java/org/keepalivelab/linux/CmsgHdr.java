package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * {@code struct cmsghdr} ({@code <sys/socket.h>}): the header of one control message in a
 * {@link MsgHdr}'s control buffer. The message's data follow at {@code CMSG_DATA}, the header's size
 * rounded up to the alignment of {@code size_t}, the type of {@code cmsg_len}.
 */
final class CmsgHdr {
    static final StructLayout LAYOUT = structLayout(
            JAVA_LONG.withName("cmsg_len"),
            JAVA_INT.withName("cmsg_level"),
            JAVA_INT.withName("cmsg_type")).withName("cmsghdr");

    /** {@code CMSG_ALIGN(sizeof(struct cmsghdr))}: where a message's data start. */
    static final long DATA_OFFSET = align(LAYOUT.byteSize());

    private static final VarHandle CMSG_LEN = LAYOUT.varHandle(groupElement("cmsg_len"));
    private static final VarHandle CMSG_LEVEL = LAYOUT.varHandle(groupElement("cmsg_level"));
    private static final VarHandle CMSG_TYPE = LAYOUT.varHandle(groupElement("cmsg_type"));

    private final MemorySegment segment;

    /** The message at the start of {@code control}: {@code CMSG_FIRSTHDR}, when the kernel wrote one. */
    CmsgHdr(MemorySegment control) {
        segment = control;
    }

    /** {@code CMSG_LEN}: the {@code cmsg_len} of a message carrying {@code data}. */
    static long lengthFor(MemoryLayout data) {
        return DATA_OFFSET + data.byteSize();
    }

    /** {@code CMSG_SPACE}: the bytes a message carrying {@code data} takes in a control buffer. */
    static long spaceFor(MemoryLayout data) {
        return DATA_OFFSET + align(data.byteSize());
    }

    private static long align(long bytes) {
        long alignment = JAVA_LONG.byteSize();
        return (bytes + alignment - 1) & -alignment;
    }

    long length() {
        return (long) CMSG_LEN.get(segment, 0L);
    }

    int level() {
        return (int) CMSG_LEVEL.get(segment, 0L);
    }

    int type() {
        return (int) CMSG_TYPE.get(segment, 0L);
    }

    /** Where this message's data are ({@code CMSG_DATA}), {@code bytes} of them. */
    MemorySegment data(long bytes) {
        return segment.asSlice(DATA_OFFSET, bytes);
    }
}
