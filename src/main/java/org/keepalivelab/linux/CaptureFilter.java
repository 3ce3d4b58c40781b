package org.keepalivelab.linux;

import java.util.ArrayList;
import java.util.List;

/**
 * The classic BPF program on the lab's packet socket: it admits only the IPv4 and IPv6 TCP and UDP
 * packets with a given port at either end, as dumpcap's {@code -f "tcp port N"} does. Every other
 * program's loopback traffic is then dropped in the kernel, before it takes a frame of the ring or a
 * moment of the capture's thread.
 *
 * <p>A {@code SOCK_DGRAM} packet socket runs its filter on the packet from its network header
 * ({@code packet_rcv} and {@code tpacket_rcv} pull the link header first, {@code net/packet/af_packet.c}),
 * so offset 0 is the IP version. TCP and UDP both start with the source and the destination port. An
 * IPv4 fragment after the first has no transport header, and is dropped; IPv6 is read without extension
 * headers, which the lab's own traffic never carries. The program's result is the bytes to keep.
 */
final class CaptureFilter {
    /** The most ports one program tests: each costs two instructions, and jumps reach 255 ahead at most. */
    static final int MAX_PORTS = 8;

    private static final int IPV4 = 4;
    private static final int IPV6 = 6;
    private static final int TCP = 6;
    private static final int UDP = 17;
    /** IPv4's fragment offset, the low 13 bits of the 16 at byte 6 (RFC 791). */
    private static final int FRAGMENT_OFFSET = 0x1fff;
    private static final int IPV6_HEADER = 40;
    /** Where the IPv6 part of the program starts. */
    private static final int IPV6_PART = 10;
    /** Where the transport ports are read, past the IP header, whose length the index register holds. */
    private static final int PORTS = 15;

    private CaptureFilter() {
    }

    /** The program admitting packets with any of {@code ports} at either end, keeping {@code keepBytes} of each. */
    static SockFilter[] admitting(int keepBytes, int... ports) {
        if (ports.length == 0 || ports.length > MAX_PORTS) {
            throw new IllegalArgumentException("A capture filter tests 1.." + MAX_PORTS + " ports: " + ports.length);
        }
        int keep = PORTS + 2 * (1 + ports.length);
        int drop = keep + 1;
        var program = new ArrayList<SockFilter>();
        program.add(SockFilter.loadByte(0));
        program.add(SockFilter.shiftRight(4));
        program.add(SockFilter.jumpIfEqual(IPV4, 0, ahead(program, IPV6_PART)));
        // IPv4: TCP or UDP, the first fragment, then the index past the header's own length.
        program.add(SockFilter.loadByte(9));
        program.add(SockFilter.jumpIfEqual(TCP, 1, 0));
        program.add(SockFilter.jumpIfEqual(UDP, 0, ahead(program, drop)));
        program.add(SockFilter.loadHalf(6));
        program.add(SockFilter.jumpIfAnySet(FRAGMENT_OFFSET, ahead(program, drop), 0));
        program.add(SockFilter.indexIpv4HeaderLength(0));
        program.add(SockFilter.skip(ahead(program, PORTS)));
        // IPv6: the accumulator still holds the version.
        program.add(SockFilter.jumpIfEqual(IPV6, 0, ahead(program, drop)));
        program.add(SockFilter.loadByte(6));
        program.add(SockFilter.jumpIfEqual(TCP, 1, 0));
        program.add(SockFilter.jumpIfEqual(UDP, 0, ahead(program, drop)));
        program.add(SockFilter.index(IPV6_HEADER));
        for (int portOffset : new int[] {0, 2}) { // the source port, then the destination port
            program.add(SockFilter.loadHalfAfterIndex(portOffset));
            for (int i = 0; i < ports.length; i++) {
                boolean lastTest = portOffset == 2 && i == ports.length - 1;
                program.add(SockFilter.jumpIfEqual(port(ports[i]), ahead(program, keep), lastTest ? 1 : 0));
            }
        }
        program.add(SockFilter.returnBytes(keepBytes));
        program.add(SockFilter.returnBytes(0));
        return program.toArray(SockFilter[]::new);
    }

    /** How far a jump in the instruction about to be added skips to reach instruction {@code target}. */
    private static int ahead(List<SockFilter> program, int target) {
        int skip = target - program.size() - 1;
        if (skip < 0 || skip > 255) {
            throw new IllegalStateException("A jump from " + program.size() + " cannot reach " + target);
        }
        return skip;
    }

    private static int port(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("A port is 1..65535: " + port);
        }
        return port;
    }
}
