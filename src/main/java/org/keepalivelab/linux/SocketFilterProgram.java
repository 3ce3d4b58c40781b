package org.keepalivelab.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The classic BPF programs the lab attaches to a TCP socket ({@code SO_ATTACH_FILTER}), each deciding
 * whether a segment arriving at the socket reaches TCP at all.
 *
 * <p>A TCP socket's filter runs in {@code tcp_filter} ({@code net/ipv4/tcp_ipv4.c}), which passes
 * {@code sk_filter_trim_cap} the packet with {@code skb->data} at the TCP header: the program's
 * absolute offsets count from the TCP header, so the flags are byte 13. A program's result is how many
 * bytes to keep, 0 dropping the segment; a result longer than the segment keeps it whole
 * ({@code sk_filter_trim_cap} trims to {@code max(cap, result)}).
 */
public enum SocketFilterProgram {
    /** Drops every segment: the network is severed towards this socket. */
    DROP_ALL(SockFilter.returnBytes(Tcp.DROP)),
    /**
     * Keeps only a bare RST (the flags exactly RST, no ACK) and drops everything else: what a middlebox
     * that forgot the connection lets through, as the RSTs it forges are bare and the ends' own RSTs in a
     * synchronized connection always carry ACK ({@code tcp_send_active_reset}, {@code tcp_v4_send_reset}
     * answering a segment that had ACK).
     */
    BARE_RST_ONLY(
            SockFilter.loadByte(Tcp.FLAGS_OFFSET),
            SockFilter.jumpIfEqual(Tcp.RST, 0, 1),
            SockFilter.returnBytes(Tcp.KEEP_WHOLE),
            SockFilter.returnBytes(Tcp.DROP));

    /** Constants the programs use; in a class of their own, as an enum's constants cannot refer to its fields. */
    private static final class Tcp {
        /** The flags byte's offset in the TCP header ({@code struct tcphdr}, RFC 9293 3.1). */
        static final int FLAGS_OFFSET = 13;
        static final int RST = 0x04;
        static final int DROP = 0;
        static final int KEEP_WHOLE = 0xffff_ffff;
    }

    private final SockFilter[] instructions;

    SocketFilterProgram(SockFilter... instructions) {
        this.instructions = instructions;
    }

    /**
     * What the kernel does with a segment whose TCP flags are {@code tcpFlags}, as this program decides
     * it: for the capture, which sees each segment before the receiving socket's filter does.
     */
    public boolean drops(int tcpFlags) {
        return switch (this) {
            case DROP_ALL -> true;
            case BARE_RST_ONLY -> tcpFlags != Tcp.RST;
        };
    }

    /** True when this program drops every segment {@code other} drops, and more. */
    public boolean stricterThan(SocketFilterProgram other) {
        return this == DROP_ALL && other != DROP_ALL;
    }

    /** The program as a {@code struct sock_fprog} in memory of {@code arena}. */
    MemorySegment fprog(Arena arena) {
        return SockFprog.of(arena, instructions);
    }
}
