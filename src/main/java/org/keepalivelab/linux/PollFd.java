package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * {@code struct pollfd} ({@code <poll.h>}): one descriptor for poll(2), the events waited for, and those
 * that came ({@code revents}, which the kernel writes).
 */
final class PollFd {
    static final StructLayout LAYOUT = structLayout(
            JAVA_INT.withName("fd"),
            JAVA_SHORT.withName("events"),
            JAVA_SHORT.withName("revents")).withName("pollfd");

    /** {@code POLLIN}: there is something to read ({@code <asm-generic/poll.h>}). */
    static final short POLLIN = 0x1;

    private static final VarHandle FD = LAYOUT.varHandle(groupElement("fd"));
    private static final VarHandle EVENTS = LAYOUT.varHandle(groupElement("events"));

    private PollFd() {
    }

    /** Room for one descriptor, waiting for {@code events}; the descriptor is set before each call. */
    static MemorySegment waitingFor(Arena arena, short events) {
        var segment = arena.allocate(LAYOUT);
        EVENTS.set(segment, 0L, events);
        return segment;
    }

    static void setDescriptor(MemorySegment pollfd, int fd) {
        FD.set(pollfd, 0L, fd);
    }
}
