package org.keepalivelab.lab;

import java.util.List;
import java.util.stream.Stream;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Event;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;

/**
 * What a lab run recorded, with the questions the tests ask of it.
 *
 * @param events   every event, in time order
 * @param appended every event, in the order appended (captured segments in capture order)
 * @param pcap     the capture as a pcap file, taken at the same moment as the events
 */
public record Transcript(List<Event> events, List<Event> appended, byte[] pcap) {

    public Stream<SegmentEvent> segments(int conn) {
        return events.stream().filter(e -> e.conn() == conn && e instanceof SegmentEvent)
                .map(SegmentEvent.class::cast);
    }

    /** Segments after the first action whose verb is {@code action}, each as {@code "s2c KEEPALIVE dropped"}. */
    public List<String> segmentsAfter(int conn, String action) {
        long t = action(conn, action).t();
        return segments(conn).filter(s -> s.t() > t).map(Transcript::describe).toList();
    }

    public static String describe(SegmentEvent s) {
        return s.dir().label() + " " + s.kind() + (s.dropped() ? " dropped" : "");
    }

    public List<SegmentEvent> kinds(int conn, Direction dir, SegmentKind kind) {
        return segments(conn).filter(s -> s.dir() == dir && s.kind() == kind).toList();
    }

    public ActionEvent action(int conn, String action) {
        return events.stream().filter(e -> e.conn() == conn && e instanceof ActionEvent a && a.action().verb().equals(action))
                .map(ActionEvent.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in " + events));
    }

    public List<AppEvent> app(int conn, Side side) {
        return events.stream().filter(e -> e.conn() == conn && e instanceof AppEvent a && a.side() == side)
                .map(AppEvent.class::cast).toList();
    }

    public List<AppEventType> appTypes(int conn, Side side) {
        return app(conn, side).stream().map(AppEvent::event).toList();
    }

    public int bytes(int conn, Side side, AppEventType type) {
        return app(conn, side).stream().filter(a -> a.event() == type).mapToInt(AppEvent::bytes).sum();
    }

    public List<StateEvent> states(int conn, Side side) {
        return events.stream().filter(e -> e.conn() == conn && e instanceof StateEvent s && s.side() == side)
                .map(StateEvent.class::cast).toList();
    }

    public StateEvent lastState(int conn, Side side) {
        return states(conn, side).getLast();
    }

    /** Seconds between two lab times. */
    public static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }
}
