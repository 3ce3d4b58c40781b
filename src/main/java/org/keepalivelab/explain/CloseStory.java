package org.keepalivelab.explain;

import static org.keepalivelab.explain.Words.at;
import static org.keepalivelab.explain.Words.cap;
import static org.keepalivelab.explain.Words.count;
import static org.keepalivelab.explain.Words.duration;
import static org.keepalivelab.explain.Words.the;
import static org.keepalivelab.explain.Words.times;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;

/** The rules about the states a closing connection passes through: CLOSE_WAIT, an orphan's FIN_WAIT2, TIME_WAIT. */
final class CloseStory {
    private CloseStory() {
    }

    /**
     * STUCK_IN_CLOSE_WAIT: a survivor's socket went to CLOSE_WAIT (the peer's FIN arrived) and its
     * application did not read the EOF waiting there before the kernel ended the connection: the
     * socket stays in CLOSE_WAIT, and keep-alive goes on in it (the keep-alive timer runs in every
     * state but LISTEN and CLOSE, {@code tcp_keepalive_timer}).
     */
    static List<Sentence> stuckInCloseWait(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        for (var detection : detections) {
            var side = detection.side();
            var closeWait = events.firstState(side, TcpState.CLOSE_WAIT, detection.fault().t());
            if (closeWait.isEmpty() || learnedBeforeItsKernel(detection)) {
                continue;
            }
            long from = closeWait.get().t();
            String reads = readsOnce(events, side) ? "the " + side.label() + " reads once and never again"
                    : "its application does not read";
            long probes = events.probes(side).stream().filter(p -> p.t() >= from).count();
            String then = probes > 0 ? ", and its keep-alive goes on probing it" + every(events, side) : "";
            String inferred = closeWait.get().inferred() ? ", inferred" : "";
            sentences.add(Sentence.measured(from, cap(the(side)) + "'s kernel took the FIN and its socket moved to "
                    + "CLOSE_WAIT (" + at(from) + inferred + "), where an EOF waits for a read; " + (events.fromCapture()
                    ? "the capture shows no FIN from it, so its application never closed it"
                    : reads + ", so it never sees it and never closes") + ": the socket stays in CLOSE_WAIT" + then + "."));
        }
        return sentences;
    }

    private static boolean learnedBeforeItsKernel(Detection detection) {
        return detection.app().isPresent()
                && (detection.kernel().isEmpty() || detection.app().get().t() < detection.kernel().get().t());
    }

    /** True for a server whose policy is to read once (the seed's), where the settings are known. */
    static boolean readsOnce(ConnectionEvents events, Side side) {
        return side == Side.SERVER
                && events.facts.settings().map(s -> s.serverPolicy() == ServerPolicy.READ_ONCE).orElse(false);
    }

    private static String every(ConnectionEvents events, Side side) {
        return events.socket(side).filter(s -> s.keepalive().enabled())
                .map(s -> " after every " + s.keepalive().idle() + " s of silence").orElse("");
    }

    /**
     * ORPHAN_ANSWERED: the side a kill or close hit left an orphan (a socket no process holds) in
     * FIN_WAIT2, which answered the survivor's probes until its lifetime ran out: {@code TCP_LINGER2}
     * or {@code tcp_fin_timeout} ({@code tcp_fin_time}, {@code include/net/tcp.h}; the FIN_WAIT2 branch
     * of {@code tcp_keepalive_timer} and {@code tcp_time_wait}).
     */
    static List<Sentence> orphanAnswered(ConnectionEvents events, List<Detection> detections) {
        if (events.fromCapture()) {
            return CaptureStory.finWait2Answered(events);
        }
        var fault = events.fault.flatMap(Fault::action).filter(a -> a instanceof Action.Kill || a instanceof Action.Close)
                .flatMap(a -> events.fault);
        if (fault.isEmpty()) {
            return List.of();
        }
        Side orphan = fault.get().side().orElseThrow();
        var finWait2 = events.states(orphan).stream()
                .filter(s -> s.state() == TcpState.FIN_WAIT2 && s.orphan() && s.t() >= fault.get().t()).findFirst();
        if (finWait2.isEmpty()) {
            return List.of();
        }
        long from = finWait2.get().t();
        Optional<StateEvent> gone = events.firstState(orphan, TcpState.CLOSED, from);
        long closedAt = gone.map(StateEvent::t).orElse(Long.MAX_VALUE);
        // A RST it sent or took before the sampling found it gone ended it there, long before its lifetime.
        var reset = Stream.concat(events.sent(orphan).stream(), events.received(orphan).stream())
                .filter(x -> x.kind() == SegmentKind.RST && x.t() >= from && x.t() < closedAt)
                .min(Comparator.comparingLong(SegmentEvent::t));
        long until = reset.map(SegmentEvent::t).orElse(closedAt);
        var answered = events.probes(orphan.peer()).stream()
                .filter(p -> p.t() >= fault.get().t() && p.t() < until
                        && p.verdict().by().filter(b -> b != ProbeVerdict.AnsweredBy.MIDDLEBOX).isPresent())
                .map(ConnectionEvents.SentProbe::t).toList();
        String lifetime = reset.isPresent() ? "" : events.orphanLifetime(orphan).map(l -> "For its lifetime, "
                + l.seconds() + " s (" + l.source() + "), ").orElse("");
        String asked = answered.isEmpty() ? "was asked nothing" : "answered " + count(answered.size(), "probe")
                + " (" + times(answered) + "), " + (answered.size() == 1 ? "telling " : "each telling ")
                + the(orphan.peer()) + " that the connection lives";
        String end = reset.map(r -> "; at " + at(r.t()) + ", " + duration(r.t() - from) + " after it entered "
                        + "FIN_WAIT2, " + (r.dir().sender() == orphan ? "it sent a RST" : "a RST reached it")
                        + " and was gone, long before its lifetime could run out.")
                .orElse(gone.isPresent() ? "; it was gone at " + at(until) + " (found CLOSED), " + duration(until - from)
                        + " after it entered FIN_WAIT2." : "; it was still there when the record ends.");
        String text = lifetime + the(orphan) + "'s orphan socket (FIN_WAIT2 from " + at(from) + ", no process behind "
                + "it) " + asked + end;
        return List.of(Sentence.measured(from, cap(text)));
    }

    /**
     * TIME_WAIT: a side that closed first keeps its socket in TIME_WAIT for {@code TCP_TIMEWAIT_LEN}
     * (60 s, {@code include/net/tcp.h}) to take the peer's late segments ({@code tcp_time_wait},
     * {@code net/ipv4/tcp_minisocks.c}).
     */
    static List<Sentence> timeWait(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        for (var side : Side.values()) {
            events.firstState(side, TcpState.TIME_WAIT, Long.MIN_VALUE).ifPresent(s -> sentences.add(Sentence.measured(
                    s.t(), cap(the(side)) + "'s socket, which closed first, entered TIME_WAIT at " + at(s.t())
                            + (s.inferred() ? " (inferred from the capture)" : "")
                            + ": it stays 60 s (TCP_TIMEWAIT_LEN) to take the peer's late segments, then goes.")));
        }
        return sentences;
    }
}
