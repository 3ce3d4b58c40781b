package org.keepalivelab.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.linux.KernelSettings;
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

/**
 * One connection's events, written by a test as data, times in milliseconds: what a rule reads,
 * built without a lab. Segments carry kind, direction, length, window and the sever's drop; the
 * rules read nothing else of them.
 */
final class Events {
    /** The kernel the tests' connections ran on: Linux's defaults. */
    static final KernelSettings KERNEL = new KernelSettings("test", 7200, 75, 9, 60, 15, 0, 6);
    static final long PERIOD = 20_000_000;

    private final List<Event> events = new ArrayList<>();
    private LabSettings settings = LabSettings.seed();
    private Optional<ConnectionStatus> live = Optional.empty();
    private long runEnd = Long.MIN_VALUE;

    /** The seed's read-once server, both sides with keep-alive {@code idle,interval,count}. */
    static LabSettings bothKeepalive(int idle, int interval, int count) {
        var keepalive = new SocketSettings(KeepaliveSettings.of(idle, interval, count), 0);
        return LabSettings.seed().withServer(keepalive).withClient(keepalive);
    }

    /** The seed with a server that reads until EOF, then closes. */
    static LabSettings readClose() {
        return LabSettings.seed().withServerPolicy(ServerPolicy.READ_CLOSE);
    }

    /** A severed connection, both ways. */
    static Action.Sever severBoth() {
        return new Action.Sever(EnumSet.allOf(Direction.class));
    }

    static long ms(double millis) {
        return Math.round(millis * 1_000_000);
    }

    Events settings(LabSettings settings) {
        this.settings = settings;
        return this;
    }

    Events live(ConnectionStatus status) {
        this.live = Optional.of(status);
        return this;
    }

    /** The run ended at {@code t}, after the last event: the facts are made then. */
    Events runEnded(double t) {
        this.runEnd = ms(t);
        return this;
    }

    Events act(double t, Action action) {
        events.add(new ActionEvent(ms(t), 1, action));
        return this;
    }

    Events segment(double t, Direction dir, SegmentKind kind) {
        return segment(t, dir, kind, 0, 64, false);
    }

    Events dropped(double t, Direction dir, SegmentKind kind) {
        return segment(t, dir, kind, 0, 64, true);
    }

    /** A RST with these exact flags ({@code TcpFlags.RST | TcpFlags.ACK} for an end's own abort or give-up). */
    Events rst(double t, Direction dir, int flags, boolean dropped) {
        events.add(new SegmentEvent(ms(t), 1, dir, flags, 0, 0, 0, 0, SegmentKind.RST, dropped));
        return this;
    }

    Events segment(double t, Direction dir, SegmentKind kind, int len, int window, boolean dropped) {
        int flags = switch (kind) {
            case FIN -> TcpFlags.FIN | TcpFlags.ACK;
            case RST -> TcpFlags.RST;
            case DATA, RETRANSMISSION, ZERO_WINDOW_PROBE -> TcpFlags.PSH | TcpFlags.ACK;
            default -> TcpFlags.ACK;
        };
        events.add(new SegmentEvent(ms(t), 1, dir, flags, 0, 0, len, window, kind, dropped));
        return this;
    }

    Events inferredProbe(double t, Direction dir) {
        events.add(SegmentEvent.inferredKeepalive(ms(t), 1, dir));
        return this;
    }

    /** A probe from {@code dir}'s sender and the peer's keep-alive ACK just after it. */
    Events answeredProbe(double t, Direction dir) {
        return segment(t, dir, SegmentKind.KEEPALIVE).segment(t + 0.02, dir.reverse(), SegmentKind.KEEPALIVE_ACK);
    }

    Events state(double t, Side side, TcpState state) {
        return state(t, side, state, false);
    }

    Events state(double t, Side side, TcpState state, boolean orphan) {
        events.add(new StateEvent(ms(t), 1, side, state, 0, orphan));
        return this;
    }

    Events app(double t, Side side, AppEventType type) {
        return app(t, side, type, 0, null);
    }

    Events app(double t, Side side, AppEventType type, int bytes, String message) {
        events.add(new AppEvent(ms(t), 1, side, type, bytes, message));
        return this;
    }

    /** The facts, explained at the run's end, or else at the last event's time. */
    ConnectionFacts facts() {
        var sorted = events.stream().sorted(Comparator.comparingLong(Event::t)).toList();
        long now = runEnd != Long.MIN_VALUE ? runEnd : sorted.isEmpty() ? 0 : sorted.getLast().t();
        return new ConnectionFacts(1, sorted, Optional.of(settings), KERNEL, live, now, PERIOD);
    }

    Explanation explain() {
        return Explanation.of(facts());
    }

    /** The sentences of one rule. */
    List<String> told(StoryRules rule) {
        var events = new ConnectionEvents(facts());
        return rule.tell(events, Detections.of(events)).stream().map(Sentence::text).toList();
    }

    /** The seed after a kill at 1 s: FIN, CLOSE_WAIT, the orphan answers two probes, expires, the third draws RST, EOF. */
    static Events seedKilled() {
        return new Events().settings(LabSettings.seed().withOrphanLifetime(12))
                .act(0, new Action.Connect())
                .segment(0.1, Direction.C2S, SegmentKind.SYN).segment(0.2, Direction.S2C, SegmentKind.SYN_ACK)
                .segment(0.3, Direction.C2S, SegmentKind.ACK)
                .app(1, Side.SERVER, AppEventType.CONNECTED).app(1, Side.CLIENT, AppEventType.CONNECTED)
                .state(20, Side.CLIENT, TcpState.ESTABLISHED).state(20, Side.SERVER, TcpState.ESTABLISHED)
                .act(200, new Action.Send(5)).segment(201, Direction.C2S, SegmentKind.DATA, 5, 64, false)
                .segment(201.1, Direction.S2C, SegmentKind.ACK).app(201.2, Side.CLIENT, AppEventType.WRITE, 5, null)
                .app(205, Side.SERVER, AppEventType.READ, 5, null)
                .act(1000, new Action.Kill()).segment(1000.5, Direction.C2S, SegmentKind.FIN)
                .state(1020, Side.CLIENT, TcpState.FIN_WAIT1, true).state(1020, Side.SERVER, TcpState.CLOSE_WAIT)
                .segment(1040, Direction.S2C, SegmentKind.ACK).state(1060, Side.CLIENT, TcpState.FIN_WAIT2, true)
                .answeredProbe(6040, Direction.S2C).answeredProbe(11160, Direction.S2C)
                .state(13100, Side.CLIENT, TcpState.CLOSED, true)
                .segment(16280, Direction.S2C, SegmentKind.KEEPALIVE).segment(16280.02, Direction.C2S, SegmentKind.RST)
                .state(16300, Side.SERVER, TcpState.CLOSED).app(16301, Side.SERVER, AppEventType.EOF);
    }
}
