package org.keepalivelab.bench;

import org.keepalivelab.lab.Sever;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.Timeline;

/**
 * A long lab run written straight into a {@link Timeline} (the store the UI reads), no lab needed:
 * N connections opened within the first second, each probing once a second (client on even seconds,
 * server on odd ones, each probe ACKed), a data exchange every 30 s, every 50th connection severed near
 * the end (its probes dropped, then RST and "Connection timed out"), every 20th closed gracefully
 * (FIN/ACK both ways), with the kernel's state changes and the applications' events. Appended second by
 * second, so in time order as the lab appends. Stops at exactly {@code events} events.
 */
final class SyntheticTimeline {
    private static final long SECOND = 1_000_000_000L;
    private static final long MICRO = 1_000L;

    private final Timeline timeline;
    private final int limit;
    private final long[] seq;

    private SyntheticTimeline(Timeline timeline, int connections, int limit) {
        this.timeline = timeline;
        this.limit = limit;
        this.seq = new long[connections + 1];
    }

    /** {@code events} events over {@code connections} connections. */
    static Timeline build(int connections, int events) {
        return build(new Timeline(), connections, events);
    }

    /** {@code events} events over {@code connections} connections appended to {@code timeline}, an empty one (a lab's). */
    static Timeline build(Timeline timeline, int connections, int events) {
        var gen = new SyntheticTimeline(timeline, connections, events);
        // about two events per connection per second
        int seconds = (int) Math.ceil(events / (2.0 * connections)) + 2;
        for (int s = 0; gen.room(); s++) {
            for (int c = 1; c <= connections && gen.room(); c++) {
                gen.second(c, s, seconds);
            }
        }
        return gen.timeline;
    }

    private boolean room() {
        return timeline.size() < limit;
    }

    private void second(int c, int s, int seconds) {
        long t = s * SECOND + (c - 1) * (SECOND / 1_100); // connections spread over the first 0.9 s
        boolean severs = c % 50 == 0;
        boolean closes = !severs && c % 20 == 0;
        int severAt = seconds - 40;
        int closeAt = seconds - 15;
        if (s == 0) {
            open(c, t);
            return;
        }
        if (closes && s > closeAt) {
            return;
        }
        if (closes && s == closeAt) {
            close(c, t);
            return;
        }
        if (severs && s >= severAt) {
            severed(c, t, s - severAt);
            return;
        }
        if (s % 30 == 0) {
            exchange(c, t, 100);
        } else if (s % 2 == 0) {
            probe(c, t, Direction.C2S);
        } else {
            probe(c, t, Direction.S2C);
        }
    }

    private void open(int c, long t) {
        action(new ActionEvent(t, c, new Action.Connect()));
        segment(t + 10 * MICRO, c, Direction.C2S, TcpFlags.SYN, 0, SegmentKind.SYN, false);
        segment(t + 40 * MICRO, c, Direction.S2C, TcpFlags.SYN | TcpFlags.ACK, 0, SegmentKind.SYN_ACK, false);
        segment(t + 60 * MICRO, c, Direction.C2S, TcpFlags.ACK, 0, SegmentKind.ACK, false);
        add(new StateEvent(t + 70 * MICRO, c, Side.CLIENT, TcpState.ESTABLISHED, 0, false));
        add(new StateEvent(t + 75 * MICRO, c, Side.SERVER, TcpState.ESTABLISHED, 0, false));
        add(new AppEvent(t + 80 * MICRO, c, Side.CLIENT, AppEventType.CONNECTED, 0, null));
        add(new AppEvent(t + 85 * MICRO, c, Side.SERVER, AppEventType.CONNECTED, 0, null));
        action(new ActionEvent(t + 100 * MICRO, c, new Action.Send(5)));
        exchange(c, t + 120 * MICRO, 5);
    }

    private void exchange(int c, long t, int bytes) {
        add(new AppEvent(t, c, Side.CLIENT, AppEventType.WRITE, bytes, null));
        segment(t + 20 * MICRO, c, Direction.C2S, TcpFlags.PSH | TcpFlags.ACK, bytes, SegmentKind.DATA, false);
        segment(t + 60 * MICRO, c, Direction.S2C, TcpFlags.ACK, 0, SegmentKind.ACK, false);
        add(new AppEvent(t + 70 * MICRO, c, Side.SERVER, AppEventType.READ, bytes, null));
        if (bytes > 5) {
            segment(t + 200 * MICRO, c, Direction.S2C, TcpFlags.PSH | TcpFlags.ACK, bytes, SegmentKind.DATA, false);
            segment(t + 240 * MICRO, c, Direction.C2S, TcpFlags.ACK, 0, SegmentKind.ACK, false);
        }
    }

    private void probe(int c, long t, Direction dir) {
        segment(t, c, dir, TcpFlags.ACK, 0, SegmentKind.KEEPALIVE, false);
        segment(t + 40 * MICRO, c, dir.reverse(), TcpFlags.ACK, 0, SegmentKind.KEEPALIVE_ACK, false);
    }

    /** {@code k} seconds after the sever: the client's probes are dropped, the 9th unanswered ends it. */
    private void severed(int c, long t, int k) {
        if (k == 0) {
            action(new ActionEvent(t, c, Sever.BOTH.action()));
            return;
        }
        if (k < 10) {
            segment(t, c, Direction.C2S, TcpFlags.ACK, 0, SegmentKind.KEEPALIVE, true);
            add(new StateEvent(t + 500 * MICRO, c, Side.CLIENT, TcpState.ESTABLISHED, k, false));
        } else if (k == 10) {
            segment(t, c, Direction.C2S, TcpFlags.RST | TcpFlags.ACK, 0, SegmentKind.RST, true);
            add(new StateEvent(t + 100 * MICRO, c, Side.CLIENT, TcpState.CLOSED, 0, false));
            add(new AppEvent(t + 200 * MICRO, c, Side.CLIENT, AppEventType.ERROR, 0, "Connection timed out"));
        }
    }

    private void close(int c, long t) {
        action(new ActionEvent(t, c, new Action.Close()));
        segment(t + 10 * MICRO, c, Direction.C2S, TcpFlags.FIN | TcpFlags.ACK, 0, SegmentKind.FIN, false);
        add(new StateEvent(t + 15 * MICRO, c, Side.CLIENT, TcpState.FIN_WAIT1, 0, false));
        segment(t + 40 * MICRO, c, Direction.S2C, TcpFlags.ACK, 0, SegmentKind.ACK, false);
        add(new StateEvent(t + 45 * MICRO, c, Side.SERVER, TcpState.CLOSE_WAIT, 0, false));
        add(new StateEvent(t + 50 * MICRO, c, Side.CLIENT, TcpState.FIN_WAIT2, 0, false));
        add(new AppEvent(t + 60 * MICRO, c, Side.SERVER, AppEventType.EOF, 0, null));
        segment(t + 100 * MICRO, c, Direction.S2C, TcpFlags.FIN | TcpFlags.ACK, 0, SegmentKind.FIN, false);
        add(new StateEvent(t + 105 * MICRO, c, Side.SERVER, TcpState.LAST_ACK, 0, false));
        segment(t + 140 * MICRO, c, Direction.C2S, TcpFlags.ACK, 0, SegmentKind.ACK, false);
        add(new StateEvent(t + 145 * MICRO, c, Side.CLIENT, TcpState.TIME_WAIT, 0, false));
        add(new StateEvent(t + 150 * MICRO, c, Side.SERVER, TcpState.CLOSED, 0, false));
        add(new AppEvent(t + 160 * MICRO, c, Side.CLIENT, AppEventType.CLOSED, 0, null));
    }

    private void segment(long t, int c, Direction dir, int flags, int len, SegmentKind kind, boolean dropped) {
        int side = dir == Direction.C2S ? 0 : 1;
        long s = seq[c] + (side == 0 ? 1_000 : 900_000);
        add(new SegmentEvent(t, c, dir, flags, s & 0xffff_ffffL, (s + 1) & 0xffff_ffffL, len, 65_483, kind, dropped));
        seq[c] += len;
    }

    private void action(ActionEvent event) {
        add(event);
    }

    private void add(Event event) {
        if (room()) {
            timeline.append(event);
        }
    }
}
