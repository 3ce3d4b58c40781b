package org.keepalivelab.explain;

import static org.keepalivelab.explain.Words.at;
import static org.keepalivelab.explain.Words.cap;
import static org.keepalivelab.explain.Words.count;
import static org.keepalivelab.explain.Words.duration;
import static org.keepalivelab.explain.Words.the;
import static org.keepalivelab.explain.Words.times;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.keepalivelab.explain.ConnectionEvents.SentProbe;
import org.keepalivelab.explain.ProbeVerdict.AnsweredBy;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpState;

/**
 * The rules, and the parts of rules, for a connection read from a capture: what its segments show
 * and what a capture cannot (the applications, the settings, the states, which are inferred).
 */
final class CaptureStory {
    /** Linux's orphan FIN_WAIT2 lifetime by default: {@code TCP_FIN_TIMEOUT}, 60 s ({@code include/net/tcp.h}). */
    private static final int LINUX_FIN_TIMEOUT_S = 60;

    private CaptureStory() {
    }

    /** FAULT for a capture: the FIN, RST or silence it shows, and what it cannot tell about it. */
    static String fault(ConnectionEvents events, Fault fault) {
        long t = fault.t();
        return switch (fault.seen()) {
            case FIN -> {
                Side side = fault.side().orElseThrow();
                yield "At " + at(t) + " " + the(side) + " sent a FIN: its application closed the socket or its "
                        + "process ended (the kernel closes a dead process's socket as close() does), which the "
                        + "capture cannot tell apart, so " + the(side.peer()) + " could not either.";
            }
            case RST -> {
                Side side = fault.side().orElseThrow();
                yield "At " + at(t) + " " + the(side) + " sent a RST with no FIN before it: it aborted (SO_LINGER 0), "
                        + "closed with data unread, or its kernel no longer knew the connection.";
            }
            case SILENCE -> {
                var lastAnswered = events.facts.events().stream().filter(e -> e instanceof SegmentEvent && e.t() < t)
                        .reduce((a, b) -> b);
                yield "From " + at(t) + " probes went unanswered: the peer or the path to it went silent"
                        + lastAnswered.map(e -> " somewhere after the last segment before it (" + at(e.t()) + ")")
                        .orElse("") + "; a capture cannot tell which, nor when.";
            }
            case ACTION -> throw new IllegalArgumentException("a lab's fault has its own words: " + fault);
        };
    }

    /**
     * CAPTURE_LIMITS: what a story from a capture cannot say: no application events, no settings, states
     * inferred from the segments.
     */
    static List<Sentence> limits(ConnectionEvents events, List<Detection> detections) {
        if (!events.fromCapture()) {
            return List.of();
        }
        return List.of(new Sentence("This story is read from a capture: the applications' reads, writes and closes "
                + "are not in it, nor the sockets' settings, so what each application learned, and when, it cannot "
                + "show; the states are inferred from the segments (RFC 9293's state machine), and keep-alive "
                + "timings from the probes' spacing.", OptionalLong.empty(), Basis.MEASURED));
    }

    /**
     * KEEPALIVE_TIMING: for a capture, each side's keep-alive idle time and interval as its probes' spacing
     * implies them, with the numbers measured, and its count where it gave up with a RST.
     */
    static List<Sentence> keepaliveTiming(ConnectionEvents events, List<Detection> detections) {
        if (!events.fromCapture()) {
            return List.of();
        }
        var sentences = new ArrayList<Sentence>();
        for (var side : Side.values()) {
            var probes = events.probes(side);
            if (probes.isEmpty()) {
                continue;
            }
            var timing = ProbeTiming.of(events, side);
            var parts = new ArrayList<String>();
            timing.idle().ifPresent(idle -> parts.add("idle time about " + duration(idle) + " (from the last segment "
                    + "it received to its probe, " + range(timing.idles()) + ")"));
            timing.interval().ifPresent(interval -> parts.add("interval about " + duration(interval) + " (between "
                    + "unanswered probes, " + range(timing.intervals()) + ")"));
            gaveUpAfter(events, side).ifPresent(n -> parts.add("count " + n + " (it sent a RST after its " + n
                    + (n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th") + " unanswered probe)"));
            if (parts.isEmpty()) {
                continue;
            }
            sentences.add(Sentence.measured(probes.getFirst().t(), cap(the(side)) + "'s keep-alive settings are not in "
                    + "the capture; its probes imply them, inferred from the capture: " + String.join(", ", parts) + "."));
        }
        return sentences;
    }

    private static String range(List<Long> values) {
        long min = values.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = values.stream().mapToLong(Long::longValue).max().orElseThrow();
        return count(values.size(), "wait") + (min == max ? " of " + duration(min) : ", " + duration(min) + " to "
                + duration(max));
    }

    /** How many unanswered probes {@code side} sent before its own RST, if it sent one after probes. */
    private static Optional<Integer> gaveUpAfter(ConnectionEvents events, Side side) {
        return events.firstSent(side, SegmentKind.RST, events.faultT()).map(rst -> (int) events.probes(side).stream()
                .filter(p -> p.t() < rst.t() && p.t() >= events.faultT()
                        && p.verdict().outcome() == ProbeVerdict.Outcome.UNANSWERED).count()).filter(n -> n > 0);
    }

    /**
     * ORPHAN_ANSWERED for a capture: after its FIN, the closing side's socket in FIN_WAIT2 (inferred)
     * answered the peer's probes until a probe drew a RST; whether a process still held it a capture
     * cannot show, and the RST bounds how long it lived there (an orphan's FIN_WAIT2 lasts
     * {@code TCP_LINGER2} or {@code tcp_fin_timeout}, {@code tcp_fin_time}, {@code include/net/tcp.h}).
     */
    static List<Sentence> finWait2Answered(ConnectionEvents events) {
        var fault = events.fault.filter(f -> f.seen() == Fault.Seen.FIN);
        if (fault.isEmpty()) {
            return List.of();
        }
        Side closer = fault.get().side().orElseThrow();
        Optional<StateEvent> finWait2 = events.firstState(closer, TcpState.FIN_WAIT2, fault.get().t());
        if (finWait2.isEmpty()) {
            return List.of();
        }
        long from = finWait2.get().t();
        var probes = events.probes(closer.peer()).stream().filter(p -> p.t() >= from).toList();
        var answered = probes.stream().filter(p -> p.verdict().by().filter(AnsweredBy::fromALivePeer).isPresent())
                .map(SentProbe::t).toList();
        var reset = probes.stream().filter(p -> p.verdict().by().orElse(null) == AnsweredBy.RST).findFirst();
        if (answered.isEmpty() && reset.isEmpty()) {
            return List.of();
        }
        String text = cap(the(closer)) + "'s socket, in FIN_WAIT2 from " + at(from) + " (inferred), answered "
                + count(answered.size(), "probe") + (answered.isEmpty() ? "" : " (" + times(answered) + ")")
                + ", each telling " + the(closer.peer()) + " that the connection lives; whether a process still held "
                + "it (an orphan answers just the same) the capture cannot show";
        if (reset.isPresent()) {
            long lower = answered.isEmpty() ? 0 : answered.getLast() - from;
            text += ". The probe at " + at(reset.get().t()) + " drew a RST: it was gone after between " + duration(lower)
                    + " and " + duration(reset.get().t() - from) + " in FIN_WAIT2, which fits an orphan's lifetime "
                    + "(TCP_LINGER2, or tcp_fin_timeout, " + LINUX_FIN_TIMEOUT_S + " s by default on Linux).";
        } else {
            text += "; it was still there when the capture ends.";
        }
        return List.of(Sentence.measured(from, text));
    }

    /** LEARNED for a capture: when a survivor's kernel ended the connection, if the capture shows it; never its application. */
    static Sentence learned(ConnectionEvents events, Detection d) {
        String since = d.fault().seen() == Fault.Seen.SILENCE ? " after the first unanswered probe"
                : " after " + the(d.fault().side().orElseThrow()) + "'s " + d.fault().seen().name();
        if (d.kernel().isPresent()) {
            var kernel = d.kernel().get();
            String when = kernel.earliest() == kernel.latest() ? "at " + at(kernel.t())
                    : "about " + at(kernel.t()) + " (inferred: between " + at(kernel.earliest()) + " and " + at(kernel.latest()) + ")";
            return Sentence.measured(kernel.t(), cap(the(d.side())) + "'s kernel ended the connection " + when + ", "
                    + duration(kernel.t() - d.fault().t()) + since + " (" + kernel.evidence().words() + "); what its "
                    + "application learned is not in a capture.");
        }
        long end = events.end();
        return Sentence.measured(end, "By the end of the capture, " + duration(end - d.fault().t()) + since
                + ", nothing shows that " + the(d.side()) + "'s kernel ended the connection.");
    }
}
