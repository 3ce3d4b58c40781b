package org.keepalivelab.explain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.TcpFlags;

/**
 * Which RSTs of a connection a middlebox that resets forged, in the ends' names: the capture shows a
 * forged RST as one end's, and no field of the event says otherwise, so the rule reads it from the
 * middlebox's {@link Action.Forget} and the segment itself.
 *
 * <p>After an {@code Action.Forget(RESET, …)}, the first segment that tries to cross is dropped at its
 * receiver's filter and answered with a RST to each end (lab.Middlebox, lab.ResetForger), each a bare
 * RST (flags exactly RST, no ACK) that the filter lets through. So a bare RST, not dropped, right after
 * a dropped segment of the connection, and the bare RST going the other way right after it, are the
 * middlebox's pair. An end's own RST is not: an abort's or a keep-alive's give-up carries ACK
 * ({@code tcp_send_active_reset}), and a kernel answers with a bare RST only a segment that reached
 * it ({@code tcp_v4_send_reset}), which a filter did not drop. The middlebox answers once: one pair
 * per forget. (A segment that crossed in the millisecond between the deadline and the filters draws
 * the pair undropped; the rule does not catch that pair, and the story then tells it as the ends'.)
 */
final class ForgedResets {
    private ForgedResets() {
    }

    /** The indexes in {@code events} (one connection's or a lab's, in time order) of the forged RSTs. */
    static Set<Integer> of(List<Event> events) {
        var forged = new HashSet<Integer>();
        forEachForget(events, forget -> pairAfter(events, forget, (trigger, rst) -> forged.add(rst)));
        return forged;
    }

    /**
     * The indexes in {@code events} (one connection's or a lab's, in time order) of the segments a middlebox
     * answered with its forged pair: what it dropped, so what its RSTs answer (a probe's verdict among them).
     */
    static Set<Integer> answered(List<Event> events) {
        var triggers = new HashSet<Integer>();
        forEachForget(events, forget -> pairAfter(events, forget, (trigger, rst) -> triggers.add(trigger)));
        return triggers;
    }

    private static void forEachForget(List<Event> events, IntConsumer forget) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof ActionEvent a && a.action() instanceof Action.Forget f
                    && f.mode() == IdleMode.RESET) {
                forget.accept(i);
            }
        }
    }

    /** Hands {@code found} the pair after the forget at {@code forget}: the dropped segment, then each forged RST. */
    private static void pairAfter(List<Event> events, int forget, PairSink found) {
        int conn = events.get(forget).conn();
        int before = -1;
        for (int i = forget + 1; i < events.size(); i++) {
            if (!(events.get(i) instanceof SegmentEvent s) || s.conn() != conn) {
                continue;
            }
            if (before >= 0 && ((SegmentEvent) events.get(before)).dropped() && isBareRst(s)) {
                found.accept(before, i);
                int next = nextSegment(events, i, conn);
                if (next >= 0 && isBareRst((SegmentEvent) events.get(next))
                        && ((SegmentEvent) events.get(next)).dir() == s.dir().reverse()) {
                    found.accept(before, next);
                }
                return;
            }
            before = i;
        }
    }

    /** Takes a pair's dropped segment and one of its forged RSTs, by their indexes. */
    @FunctionalInterface
    private interface PairSink {
        void accept(int trigger, int rst);
    }

    private static int nextSegment(List<Event> events, int from, int conn) {
        for (int i = from + 1; i < events.size(); i++) {
            if (events.get(i) instanceof SegmentEvent s && s.conn() == conn) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBareRst(SegmentEvent s) {
        return s.flags() == TcpFlags.RST && !s.dropped() && !s.inferred();
    }
}
