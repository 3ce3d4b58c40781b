package org.keepalivelab.lab;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.keepalivelab.linux.SocketFilterProgram;
import org.keepalivelab.model.Direction;

/**
 * Which filter stood on each direction's receiving socket when (a sever's, or the one of a middlebox
 * that forgot the connection), so the capture can mark a segment as dropped by its own kernel
 * timestamp even when it reads the segment after the network was restored.
 *
 * <p>A filter belongs to its socket ({@code sk_filter}, run by {@code tcp_filter} from
 * {@code tcp_v4_rcv}, {@code net/ipv4/tcp_ipv4.c}) and filters only what the kernel's lookup delivers to
 * that socket. Once the socket leaves the lookup (a RST, {@code tcp_done}; TIME_WAIT, whose timewait
 * socket has no filter), a segment for it reaches no filter: the kernel answers it with a RST
 * ({@code tcp_v4_send_reset}) and nothing is dropped, whatever the sever's interval says. So each
 * direction also keeps when its receiver's socket was gone ({@link #receiverGone}).
 */
final class SeverLog {
    private record Interval(long from, long to, SocketFilterProgram program) {
    }

    private final Map<Direction, List<Interval>> intervals = new EnumMap<>(Direction.class);
    /** When the socket each direction arrives at left the kernel's lookup, and its filter with it. */
    private final Map<Direction, Long> receiverGone = new EnumMap<>(Direction.class);

    /** From {@code t} on, {@code program} filters what arrives going {@code dir}, in place of any before it. */
    synchronized void cut(Direction dir, long t, SocketFilterProgram program) {
        if (current(dir) == program) {
            return;
        }
        restore(dir, t);
        intervals.computeIfAbsent(dir, d -> new ArrayList<>()).add(new Interval(t, Long.MAX_VALUE, program));
    }

    synchronized void restore(Direction dir, long t) {
        if (isSevered(dir)) {
            var list = intervals.get(dir);
            list.set(list.size() - 1, new Interval(list.getLast().from(), t, list.getLast().program()));
        }
    }

    synchronized boolean isSevered(Direction dir) {
        return current(dir) != null;
    }

    /** The filter on {@code dir}'s receiver now, or {@code null}. */
    synchronized SocketFilterProgram current(Direction dir) {
        var list = intervals.get(dir);
        return list != null && list.getLast().to() == Long.MAX_VALUE ? list.getLast().program() : null;
    }

    /**
     * From {@code t} on, the socket {@code dir} arrives at is out of the kernel's lookup: no filter of
     * its own sees what comes (a socket never comes back, so the earliest time stays).
     */
    synchronized void receiverGone(Direction dir, long t) {
        receiverGone.merge(dir, t, Math::min);
    }

    /**
     * True when a segment going {@code dir} with these TCP flags, arriving at {@code t}, was filtered out:
     * a filter stood on its receiving socket then, and that socket was still in the kernel's lookup.
     */
    synchronized boolean droppedAt(Direction dir, long t, int tcpFlags) {
        if (t >= receiverGone.getOrDefault(dir, Long.MAX_VALUE)) {
            return false;
        }
        for (var interval : intervals.getOrDefault(dir, List.of())) {
            if (t >= interval.from() && t < interval.to()) {
                return interval.program().drops(tcpFlags);
            }
        }
        return false;
    }
}
