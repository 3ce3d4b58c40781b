package org.keepalivelab.explain;

import static org.keepalivelab.explain.Words.at;
import static org.keepalivelab.explain.Words.cap;
import static org.keepalivelab.explain.Words.duration;
import static org.keepalivelab.explain.Words.the;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;

/** The rules that tell what broke the connection, or that nothing did. */
final class FaultStory {
    private FaultStory() {
    }

    /**
     * FAULT: the connection's first fault, as the wire showed it; and a later kill, abort or close (a side
     * that let go of its socket during a sever), with what became of its FIN or RST.
     */
    static List<Sentence> fault(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        events.fault.ifPresent(first -> {
            if (first.action().isEmpty()) { // a capture's fault: what the segments show, no action behind it
                sentences.add(Sentence.measured(first.t(), CaptureStory.fault(events, first)));
                return;
            }
            boolean firstTold = false;
            for (var a : events.actions) {
                if (!(a.action() instanceof Action.Fault f) || a.t() < first.t()) {
                    continue;
                }
                if (!firstTold) {
                    sentences.add(Sentence.measured(a.t(), told(events, f, a.t())));
                    firstTold = true;
                } else if (Detections.endsItsSocket(f)) {
                    var side = f.actingSide().orElseThrow();
                    sentences.add(Sentence.measured(a.t(), told(events, f, a.t()) + lost(events, side, a.t())));
                }
            }
        });
        return sentences;
    }

    private static String told(ConnectionEvents events, Action.Fault fault, long t) {
        return switch (fault) {
            case Action.Kill k -> killed(events, k.side(), t);
            case Action.Abort a -> "At " + at(t) + " " + the(a.side()) + " aborted (SO_LINGER 0): its kernel sent "
                    + "a RST" + sentAt(events, a.side(), t) + " instead of a FIN and forgot the connection at once.";
            case Action.Close c -> "At " + at(t) + " " + the(c.side()) + " closed gracefully: its FIN"
                    + sentAt(events, c.side(), t) + " says it will send no more, and it reads on to the end.";
            case Action.HalfClose _ -> "At " + at(t) + " the client shut its output down (half-close): a FIN"
                    + sentAt(events, Side.CLIENT, t) + ", but it keeps its socket, so its FIN_WAIT2 has no "
                    + "orphan timer and can last for ever (tcp_fin_timeout only ends an orphan's).";
            case Action.Sever s -> severed(s, t);
            case Action.Forget f -> forgot(events, f, t);
        };
    }

    /** A later fault's FIN or RST that the sever dropped: the peer was never told of it. */
    private static String lost(ConnectionEvents events, Side side, long t) {
        return firstSent(events, side, t).filter(SegmentEvent::dropped)
                .map(s -> " The sever dropped that " + s.kind().name() + ", so " + the(side.peer())
                        + " was not told: " + the(side) + " acted, and learned nothing of the sever.")
                .orElse("");
    }

    /**
     * A killed process's kernel closes its socket as {@code close()} would: FIN, or RST when received
     * data was never read ({@code tcp_close}, {@code net/ipv4/tcp.c}, after RFC 2525 2.17).
     */
    private static String killed(ConnectionEvents events, Side side, long t) {
        String start = "At " + at(t) + " " + the(side) + "'s process was killed. ";
        var first = events.sent(side).stream().filter(s -> s.t() >= t).findFirst();
        if (first.isPresent() && first.get().kind() == SegmentKind.FIN) {
            return start + "Its kernel closed the socket as a graceful close does: the wire shows a FIN ("
                    + at(first.get().t()) + "), not a RST, so " + the(side.peer())
                    + " cannot tell a dead process from a goodbye.";
        }
        if (first.isPresent() && first.get().kind() == SegmentKind.RST) {
            return start + "Data it had received was still unread, so its kernel sent a RST (" + at(first.get().t())
                    + "), not a FIN: closing a socket with unread data aborts it.";
        }
        return start + "Its kernel closed the socket.";
    }

    private static String sentAt(ConnectionEvents events, Side side, long t) {
        return firstSent(events, side, t).map(s -> " (" + at(s.t()) + ")").orElse("");
    }

    /** The first segment {@code side} sent at or after {@code t} that is not an acknowledgement. */
    private static Optional<SegmentEvent> firstSent(ConnectionEvents events, Side side, long t) {
        return events.sent(side).stream().filter(s -> s.t() >= t && !isAck(s)).findFirst();
    }

    private static boolean isAck(SegmentEvent s) {
        return s.kind() == SegmentKind.ACK || s.kind() == SegmentKind.KEEPALIVE_ACK;
    }

    private static String severed(Action.Sever sever, long t) {
        if (sever.directions().size() == Direction.values().length) {
            return "At " + at(t) + " the lab severed the connection both ways: from then on every segment is dropped "
                    + "at the receiving socket, as if the network between the two hosts died, and neither side is told.";
        }
        var dir = sever.directions().iterator().next();
        return "At " + at(t) + " the lab severed the connection " + dir.label() + ": from then on everything "
                + the(dir.sender()) + " sends is dropped at " + the(dir.receiver()) + ", and neither side is told.";
    }

    private static String forgot(ConnectionEvents events, Action.Forget forget, long t) {
        var armed = events.firstAction(Action.SeverIdle.class);
        String why = armed.map(idle -> ": no segment had crossed it for " + idle.seconds() + " s (sever-idle "
                + idle.seconds() + ")").orElse("");
        String then = forget.mode() == IdleMode.DROP
                ? "From then on it drops every segment of it, silently, as most NATs and conntrack do."
                : "From then on it answers every segment with a RST to both ends, as AWS's load balancers and NAT "
                + "gateways do.";
        return "At " + at(t) + " the middlebox between them forgot the connection" + why + ". " + then;
    }

    /**
     * MIDDLEBOX_RESET: a middlebox that resets, having forgotten the connection, dropped the next segment
     * that tried to cross and answered it with a RST to each end, each in the other end's name
     * ({@link ForgedResets}: lab.Middlebox, lab.ResetForger), as AWS's load balancers and NAT gateways do.
     */
    static List<Sentence> middleboxReset(ConnectionEvents events, List<Detection> detections) {
        return events.resetTrigger.map(trigger -> {
            var sender = trigger.dir().sender();
            String what = switch (trigger.kind()) {
                case KEEPALIVE -> the(sender) + "'s keep-alive probe";
                case DATA, RETRANSMISSION -> the(sender) + "'s data";
                default -> "a segment of " + the(sender) + "'s";
            };
            String pair = Stream.of(sender, sender.peer()).flatMap(side -> events.forgedTo(side).stream()
                    .map(rst -> at(rst.t()) + " to " + the(side))).collect(Collectors.joining(", "));
            return List.of(Sentence.measured(trigger.t(), "At " + at(trigger.t()) + " " + what + " tried to cross: "
                    + "the middlebox, which had forgotten the connection, dropped it and answered with a RST to each "
                    + "end, each in the other end's name (" + pair + "). Neither end's kernel sent a RST of its own: "
                    + "each took the forged one as its peer's and reset the connection."));
        }).orElse(List.of());
    }

    /** MIDDLEBOX_KEPT: a middlebox armed to forget an idle connection never did: segments crossed often enough. */
    static List<Sentence> middleboxKept(ConnectionEvents events, List<Detection> detections) {
        var armed = events.firstAction(Action.SeverIdle.class);
        var armedAt = events.firstActionAt(Action.SeverIdle.class);
        if (armed.isEmpty() || events.firstAction(Action.Forget.class).isPresent()) {
            return List.of();
        }
        long gap = longestSilence(events, armedAt.orElseThrow());
        return List.of(Sentence.measured(events.end(), "The middlebox would forget the connection after "
                + armed.get().seconds() + " s without a segment, but it never went that long (at most "
                + duration(gap) + " between two segments), so it kept it."));
    }

    /** The longest time without a segment crossing, from {@code from} to the end of the record. */
    private static long longestSilence(ConnectionEvents events, long from) {
        var times = events.facts.events().stream().filter(e -> e instanceof SegmentEvent && e.t() >= from)
                .mapToLong(e -> e.t()).toArray();
        long previous = from;
        long longest = 0;
        for (long t : times) {
            longest = Math.max(longest, t - previous);
            previous = t;
        }
        return Math.max(longest, events.end() - previous);
    }

    /** RESTORED: after a sever, the lab let segments cross again; before either kernel gave up, the connection lives on. */
    static List<Sentence> restored(ConnectionEvents events, List<Detection> detections) {
        return events.restoredAt().map(t -> {
            boolean alive = detections.stream().allMatch(d -> d.kernel().filter(k -> k.t() <= t).isEmpty());
            // A side that threw its socket away during the sever has no detection, but no connection either.
            var gone = events.actions.stream().filter(a -> a.t() <= t && a.t() >= events.faultT()
                    && (a.action() instanceof Action.Kill || a.action() instanceof Action.Abort))
                    .flatMap(a -> a.action().actingSide().stream()).findFirst();
            String then = gone.map(side -> ", but " + the(side) + "'s kernel no longer has the connection.")
                    .orElse(alive ? ", and as neither kernel had given up, the connection lives on." : ".");
            return List.of(Sentence.measured(t, "At " + at(t) + " the lab restored the connection: segments cross "
                    + "again" + then));
        }).orElse(List.of());
    }

    /** NO_FAULT: nothing broke the connection during the run. */
    static List<Sentence> noFault(ConnectionEvents events, List<Detection> detections) {
        if (events.fault.isPresent()) {
            return List.of();
        }
        Optional<String> state = events.states(Side.SERVER).stream().reduce((a, b) -> b)
                .map(s -> s.state().name() + (s.inferred() ? " (inferred from the capture)" : ""));
        return List.of(Sentence.measured(events.end(), cap("nothing broke the connection in the "
                + duration(events.end()) + " recorded" + state.map(s -> "; the server's socket is " + s).orElse("")
                + ".")));
    }
}
