package org.keepalivelab.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * {@code struct sock_filter} ({@code <linux/filter.h>}): one classic BPF instruction.
 *
 * @param code the operation ({@code BPF_} class, size, mode or source bits)
 * @param jt   instructions to skip when a jump's test holds
 * @param jf   instructions to skip when it does not
 * @param k    the operand
 */
record SockFilter(short code, byte jt, byte jf, int k) {
    static final StructLayout LAYOUT = structLayout(
            JAVA_SHORT.withName("code"),
            JAVA_BYTE.withName("jt"),
            JAVA_BYTE.withName("jf"),
            JAVA_INT.withName("k")).withName("sock_filter");

    private static final VarHandle CODE = LAYOUT.varHandle(groupElement("code"));
    private static final VarHandle JT = LAYOUT.varHandle(groupElement("jt"));
    private static final VarHandle JF = LAYOUT.varHandle(groupElement("jf"));
    private static final VarHandle K = LAYOUT.varHandle(groupElement("k"));

    // The opcode's parts, from <linux/bpf_common.h>.
    private static final short BPF_LD = 0x00;
    private static final short BPF_JMP = 0x05;
    private static final short BPF_RET = 0x06;
    private static final short BPF_B = 0x10;
    private static final short BPF_ABS = 0x20;
    private static final short BPF_JEQ = 0x10;
    private static final short BPF_K = 0x00;

    /** {@code BPF_RET | BPF_K}: the program ends, and the socket keeps {@code bytes} of the packet; 0 drops it. */
    static SockFilter returnBytes(int bytes) {
        return new SockFilter((short) (BPF_RET | BPF_K), (byte) 0, (byte) 0, bytes);
    }

    /** {@code BPF_LD | BPF_B | BPF_ABS}: loads the packet's byte at {@code offset} into the accumulator. */
    static SockFilter loadByte(int offset) {
        return new SockFilter((short) (BPF_LD | BPF_B | BPF_ABS), (byte) 0, (byte) 0, offset);
    }

    /**
     * {@code BPF_JMP | BPF_JEQ | BPF_K}: skips {@code ifEqual} instructions when the accumulator equals
     * {@code value}, else {@code otherwise}.
     */
    static SockFilter jumpIfEqual(int value, int ifEqual, int otherwise) {
        return new SockFilter((short) (BPF_JMP | BPF_JEQ | BPF_K), (byte) ifEqual, (byte) otherwise, value);
    }

    /** Writes this instruction at {@code offset} of {@code program}. */
    void writeTo(MemorySegment program, long offset) {
        CODE.set(program, offset, code);
        JT.set(program, offset, jt);
        JF.set(program, offset, jf);
        K.set(program, offset, k);
    }
}
