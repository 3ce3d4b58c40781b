package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * {@code struct sock_fprog} ({@code <linux/filter.h>}): a classic BPF program for
 * {@code SO_ATTACH_FILTER}, its length ({@code unsigned short}), then 6 bytes of padding that align the
 * pointer to its instructions.
 */
final class SockFprog {
    static final StructLayout LAYOUT = structLayout(
            JAVA_SHORT.withName("len"),
            paddingLayout(6),
            ADDRESS.withName("filter")).withName("sock_fprog");

    /** {@code BPF_MAXINSNS}: the most instructions the kernel takes in a classic program. */
    private static final int MAX_INSTRUCTIONS = 4096;

    private static final VarHandle LEN = LAYOUT.varHandle(groupElement("len"));
    private static final VarHandle FILTER = LAYOUT.varHandle(groupElement("filter"));

    private SockFprog() {
    }

    /** The program {@code instructions}, in memory of {@code arena} (the kernel copies it when attached). */
    static MemorySegment of(Arena arena, SockFilter... instructions) {
        if (instructions.length == 0 || instructions.length > MAX_INSTRUCTIONS) {
            throw new IllegalArgumentException("A classic BPF program has 1.." + MAX_INSTRUCTIONS
                    + " instructions: " + instructions.length);
        }
        var filter = arena.allocate(SockFilter.LAYOUT, instructions.length);
        for (int i = 0; i < instructions.length; i++) {
            instructions[i].writeTo(filter, i * SockFilter.LAYOUT.byteSize());
        }
        var fprog = arena.allocate(LAYOUT);
        LEN.set(fprog, 0L, (short) instructions.length);
        FILTER.set(fprog, 0L, filter);
        return fprog;
    }
}
