package org.keepalivelab.model;

/**
 * A TCP segment of a lab connection, as the capture saw it on loopback.
 *
 * @param seq     absolute sequence number (unsigned 32 bits)
 * @param ack     absolute acknowledgement number (unsigned 32 bits)
 * @param len     payload bytes
 * @param window  the advertised window, unscaled, as on the wire
 * @param dropped true when the lab's sever discarded it at the receiving socket
 */
public record SegmentEvent(long t, int conn, Direction dir, int flags, long seq, long ack, int len, int window,
                           SegmentKind kind, boolean dropped) implements Event {

    public String flagNames() {
        return TcpFlags.toString(flags);
    }

    public boolean has(int flag) {
        return TcpFlags.has(flags, flag);
    }
}
