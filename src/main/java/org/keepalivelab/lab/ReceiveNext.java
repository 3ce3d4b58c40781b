package org.keepalivelab.lab;

import java.util.concurrent.atomic.AtomicLongArray;
import org.keepalivelab.capture.TcpSegment;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.TcpFlags;

/**
 * The sequence number each end's TCP expects next (its {@code rcv_nxt}), as the capture saw the segments
 * delivered to it: the highest end of a segment that reached it, counting SYN and FIN as one each.
 * A RST must carry exactly this to be accepted (RFC 5961 3.2, {@code tcp_validate_incoming} in
 * {@code net/ipv4/tcp_input.c}). Segments a filter dropped never reached the receiver, so they do not
 * count. Written by the capture's thread, read by the lab's loop.
 */
final class ReceiveNext {
    private static final long NONE = -1;

    /** By {@link Direction#ordinal()}: what the receiver of that direction expects; unsigned 32 bits, or NONE. */
    private final AtomicLongArray next = new AtomicLongArray(new long[] {NONE, NONE});

    /** A segment going {@code dir} reached its receiver. */
    void delivered(Direction dir, TcpSegment segment) {
        int flags = segment.flags();
        long end = (segment.seq() + segment.len() + (TcpFlags.has(flags, TcpFlags.SYN) ? 1 : 0)
                + (TcpFlags.has(flags, TcpFlags.FIN) ? 1 : 0)) & 0xffff_ffffL;
        long known = next.get(dir.ordinal());
        if (known == NONE || (int) (end - known) > 0) { // later in sequence space (RFC 1982 arithmetic)
            next.set(dir.ordinal(), end);
        }
    }

    /** What the receiver of {@code dir} expects next, or -1 when no segment has reached it yet. */
    long of(Direction dir) {
        return next.get(dir.ordinal());
    }
}
