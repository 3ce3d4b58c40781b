package org.keepalivelab.model;

/**
 * A TCP segment of a lab connection, as the capture saw it on loopback, or as the lab inferred it
 * when it cannot capture.
 *
 * @param seq      absolute sequence number (unsigned 32 bits)
 * @param ack      absolute acknowledgement number (unsigned 32 bits)
 * @param len      payload bytes
 * @param window   the advertised window, unscaled, as on the wire
 * @param dropped  true when the lab's sever discarded it at the receiving socket
 * @param inferred true when it was not captured but inferred from the sender's {@code TCP_INFO}: only
 *                 {@code t} (within the lab's sampling period), {@code conn}, {@code dir}, {@code kind}
 *                 and {@code flags} are known; {@code seq}, {@code ack}, {@code len} and {@code window} are 0
 */
public record SegmentEvent(long t, int conn, Direction dir, int flags, long seq, long ack, int len, int window,
                           SegmentKind kind, boolean dropped, boolean inferred) implements Event {

    /** A captured segment. */
    public SegmentEvent(long t, int conn, Direction dir, int flags, long seq, long ack, int len, int window,
                        SegmentKind kind, boolean dropped) {
        this(t, conn, dir, flags, seq, ack, len, window, kind, dropped, false);
    }

    /**
     * A keep-alive probe the lab did not see but knows was sent: the sender's count of unanswered
     * probes ({@code tcpi_probes}) rose. A probe is a bare ACK.
     */
    public static SegmentEvent inferredKeepalive(long t, int conn, Direction dir) {
        return new SegmentEvent(t, conn, dir, TcpFlags.ACK, 0, 0, 0, 0, SegmentKind.KEEPALIVE, false, true);
    }

    public String flagNames() {
        return TcpFlags.toString(flags);
    }
}
