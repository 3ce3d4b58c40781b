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
    private static final short BPF_LDX = 0x01;
    private static final short BPF_ALU = 0x04;
    private static final short BPF_JMP = 0x05;
    private static final short BPF_RET = 0x06;
    private static final short BPF_W = 0x00;
    private static final short BPF_H = 0x08;
    private static final short BPF_B = 0x10;
    private static final short BPF_IMM = 0x00;
    private static final short BPF_ABS = 0x20;
    private static final short BPF_IND = 0x40;
    private static final short BPF_MSH = 0xa0;
    private static final short BPF_RSH = 0x70;
    private static final short BPF_JA = 0x00;
    private static final short BPF_JEQ = 0x10;
    private static final short BPF_JSET = 0x40;
    private static final short BPF_K = 0x00;

    /** {@code BPF_RET | BPF_K}: the program ends, and the socket keeps {@code bytes} of the packet; 0 drops it. */
    static SockFilter returnBytes(int bytes) {
        return new SockFilter((short) (BPF_RET | BPF_K), (byte) 0, (byte) 0, bytes);
    }

    /** {@code BPF_LD | BPF_B | BPF_ABS}: loads the packet's byte at {@code offset} into the accumulator. */
    static SockFilter loadByte(int offset) {
        return new SockFilter((short) (BPF_LD | BPF_B | BPF_ABS), (byte) 0, (byte) 0, offset);
    }

    /** {@code BPF_LD | BPF_H | BPF_ABS}: loads the big-endian 16 bits at {@code offset}. */
    static SockFilter loadHalf(int offset) {
        return new SockFilter((short) (BPF_LD | BPF_H | BPF_ABS), (byte) 0, (byte) 0, offset);
    }

    /** {@code BPF_LD | BPF_H | BPF_IND}: loads the big-endian 16 bits at the index register plus {@code offset}. */
    static SockFilter loadHalfAfterIndex(int offset) {
        return new SockFilter((short) (BPF_LD | BPF_H | BPF_IND), (byte) 0, (byte) 0, offset);
    }

    /**
     * {@code BPF_LDX | BPF_B | BPF_MSH}: sets the index register to four times the low nibble of the
     * byte at {@code offset}, which is an IPv4 header's length when that byte is its first.
     */
    static SockFilter indexIpv4HeaderLength(int offset) {
        return new SockFilter((short) (BPF_LDX | BPF_B | BPF_MSH), (byte) 0, (byte) 0, offset);
    }

    /** {@code BPF_LDX | BPF_W | BPF_IMM}: sets the index register to {@code value}. */
    static SockFilter index(int value) {
        return new SockFilter((short) (BPF_LDX | BPF_W | BPF_IMM), (byte) 0, (byte) 0, value);
    }

    /** {@code BPF_ALU | BPF_RSH | BPF_K}: shifts the accumulator right by {@code bits}. */
    static SockFilter shiftRight(int bits) {
        return new SockFilter((short) (BPF_ALU | BPF_RSH | BPF_K), (byte) 0, (byte) 0, bits);
    }

    /** {@code BPF_JMP | BPF_JA}: skips {@code instructions} instructions, whatever the accumulator holds. */
    static SockFilter skip(int instructions) {
        return new SockFilter((short) (BPF_JMP | BPF_JA), (byte) 0, (byte) 0, instructions);
    }

    /**
     * {@code BPF_JMP | BPF_JSET | BPF_K}: skips {@code ifAny} instructions when the accumulator has any
     * bit of {@code mask} set, else {@code otherwise}.
     */
    static SockFilter jumpIfAnySet(int mask, int ifAny, int otherwise) {
        return new SockFilter((short) (BPF_JMP | BPF_JSET | BPF_K), (byte) ifAny, (byte) otherwise, mask);
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
