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
import org.keepalivelab.explain.ConnectionEvents.SentProbe;
import org.keepalivelab.explain.ProbeVerdict.AnsweredBy;
import org.keepalivelab.explain.ProbeVerdict.Outcome;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;

/**
 * The rules about keep-alive probes ({@code tcp_keepalive_timer}, {@code net/ipv4/tcp_timer.c}): who
 * answered them, which went unanswered, when the kernel gave up, and when nothing was sent at all.
 */
final class ProbeStory {
    private ProbeStory() {
    }

    /**
     * PROBES_ANSWERED: a side's probes its peer answered while the peer's application still held its
     * socket; an answer restarts the idle wait (the elapsed time counts from the last segment received).
     */
    static List<Sentence> probesAnswered(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        for (var side : Side.values()) {
            // Until the peer's application let go of its socket: a half-closed socket its owner holds answers as before.
            long until = events.fault.filter(f -> f.side().equals(Optional.of(side.peer()))
                    && f.action().filter(Action.HalfClose.class::isInstance).isEmpty()).map(Fault::t).orElse(Long.MAX_VALUE);
            var answered = events.probes(side).stream()
                    .filter(p -> p.t() < until && p.verdict().by().filter(AnsweredBy::fromALivePeer).isPresent())
                    .map(SentProbe::t).toList();
            if (answered.isEmpty()) {
                continue;
            }
            String idle = events.socket(side).map(s -> ", each " + s.keepalive().idle() + " s (its idle time) after "
                    + "the last segment it received").orElse("");
            sentences.add(Sentence.measured(answered.getFirst(), cap(the(side)) + "'s keep-alive probed the idle "
                    + "connection " + count(answered.size(), "time") + " (" + times(answered) + ")" + idle + ", and "
                    + the(side.peer()) + " answered every one."));
        }
        return sentences;
    }

    /**
     * PROBES_UNANSWERED: a side's captured probes after the fault that nothing answered: lost to a
     * sever or a middlebox that drops, or sent to a peer that no longer answers; sent every interval
     * while unanswered.
     */
    static List<Sentence> probesUnanswered(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        for (var side : Side.values()) {
            var unanswered = events.probes(side).stream().filter(p -> p.t() >= events.faultT()
                    && (p.verdict().outcome() == Outcome.UNANSWERED || p.verdict().outcome() == Outcome.PENDING))
                    .toList();
            if (unanswered.isEmpty()) {
                continue;
            }
            var t = unanswered.stream().map(SentProbe::t).toList();
            boolean one = t.size() == 1;
            boolean allLost = unanswered.stream().allMatch(p -> p.segment().dropped());
            boolean rstsLost = unanswered.stream().allMatch(p -> drewLostRst(events, side, p));
            boolean lastPending = unanswered.getLast().verdict().outcome() == Outcome.PENDING;
            String interval = one ? "" : events.socket(side).map(s -> ", every " + s.keepalive().interval()
                    + " s (its interval)").orElse("");
            String why = allLost ? (one ? ", lost on the way" : ", every one lost on the way")
                    : rstsLost ? ": " + (one ? "it" : "each") + " reached " + the(side.peer()) + "'s kernel, which no "
                    + "longer had the connection and answered with a RST, and the sever dropped "
                    + (one ? "that RST" : "those RSTs") + " on the way back" : "";
            sentences.add(Sentence.measured(t.getFirst(), "From " + at(t.getFirst()) + " " + the(side) + "'s probes "
                    + "went unanswered: " + count(t.size(), "probe") + " (" + times(t) + ")" + interval + why
                    + (lastPending ? "; the last was still waiting for an answer when the record ends" : "") + "."));
        }
        return sentences;
    }

    /** The probe reached the peer and drew a RST, which a sever dropped on its way back. */
    private static boolean drewLostRst(ConnectionEvents events, Side side, SentProbe probe) {
        return !probe.segment().dropped() && events.sent(side.peer()).stream().filter(s -> s.t() >= probe.t())
                .findFirst().filter(s -> s.kind() == SegmentKind.RST && s.dropped()).isPresent();
    }

    /** PROBE_DREW_RST: a probe answered by a RST: the peer's kernel (or a middlebox for it) no longer knows the connection. */
    static List<Sentence> probeDrewRst(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        for (var side : Side.values()) {
            var probes = events.probes(side);
            for (int i = 0; i < probes.size(); i++) {
                var probe = probes.get(i);
                if (probe.verdict().by().orElse(null) != AnsweredBy.RST) {
                    continue;
                }
                boolean next = i > 0 && probes.get(i - 1).verdict().outcome() == Outcome.ANSWERED;
                sentences.add(Sentence.measured(probe.t(), (next ? "The next probe, at " + at(probe.t()) + ","
                        : "The probe at " + at(probe.t())) + " drew a RST" + whyReset(events, side.peer(), probe.t())
                        + "."));
            }
        }
        return sentences;
    }

    private static String whyReset(ConnectionEvents events, Side peer, long t) {
        boolean reset = events.firstAction(Action.Forget.class).filter(f -> f.mode() == IdleMode.RESET).isPresent()
                && events.firstActionAt(Action.Forget.class).orElseThrow() <= t;
        if (reset) {
            return ": the middlebox, which had forgotten the connection, answered for " + the(peer);
        }
        String forgot = " from " + the(peer) + "'s kernel, which no longer knew the connection";
        // The peer let go of its socket itself: an abort forgets at once, a kill or close leaves an orphan.
        var acted = events.actions.stream().filter(a -> a.t() <= t && Detections.endsItsSocket(a.action())
                && a.action().actingSide().equals(Optional.of(peer))).findFirst();
        var lostRst = acted.flatMap(a -> events.firstSent(peer, SegmentKind.RST, a.t())).filter(r -> r.dropped());
        if (acted.isPresent() && lostRst.isPresent()) {
            return forgot + ": " + the(peer) + " had " + (acted.get().action() instanceof Action.Abort ? "aborted"
                    : "ended it") + " at " + at(acted.get().t()) + " and its RST (" + at(lostRst.get().t())
                    + ") was lost to the sever, so it took this probe to tell " + the(peer.peer());
        }
        boolean hadOrphan = events.states(peer).stream().anyMatch(s -> s.t() <= t && s.orphan()
                && s.state() != TcpState.CLOSED);
        boolean orphanGone = hadOrphan && events.states(peer).stream().anyMatch(s -> s.t() <= t && s.orphan()
                && s.state() == TcpState.CLOSED);
        return forgot + (orphanGone ? " (its orphan was gone)" : "");
    }

    /**
     * GAVE_UP: after unanswered probes a side sent a RST of its own: its keep-alive timer gave up
     * ({@code icsk_probes_out >= keepalive_probes}, or the user timeout) and reset the connection
     * ({@code tcp_send_active_reset}, then {@code tcp_write_err}: {@code ETIMEDOUT}).
     */
    static List<Sentence> gaveUp(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        for (var side : Side.values()) {
            var rst = events.firstSent(side, SegmentKind.RST, events.faultT());
            if (rst.isEmpty()) {
                continue;
            }
            long unanswered = unansweredBefore(events, side, rst.get().t());
            if (unanswered == 0) {
                continue;
            }
            String ofCount = events.keepaliveCount(side).map(c -> unanswered == c ? " (its count)" : " (of "
                    + c + ")").orElse("");
            // Told where the side's kernel knew: its application's ETIMEDOUT may be stamped before the RST's capture.
            long knew = detections.stream().filter(d -> d.side() == side).flatMap(d -> d.kernel().stream())
                    .mapToLong(KernelFinding::t).filter(t -> t <= rst.get().t()).findFirst().orElse(rst.get().t());
            sentences.add(Sentence.measured(knew, "After " + count((int) unanswered, "unanswered probe") + ofCount
                    + " " + the(side) + "'s kernel gave up at " + at(rst.get().t()) + ": it sent a RST"
                    + (rst.get().dropped() ? ", lost on the way too," : "") + " and closed the socket."));
        }
        return sentences;
    }

    private static long unansweredBefore(ConnectionEvents events, Side side, long t) {
        return events.probes(side).stream().filter(p -> p.t() < t && p.t() >= events.faultT()
                && p.verdict().outcome() == Outcome.UNANSWERED).count();
    }

    /**
     * USER_TIMEOUT: a side with {@code TCP_USER_TIMEOUT} gave up before its count ran out: once probes
     * have started, the keep-alive timer ends the connection when nothing was received for the user
     * timeout, whatever the count (the user-timeout branch of {@code tcp_keepalive_timer}).
     */
    static List<Sentence> userTimeout(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        for (var side : Side.values()) {
            int timeout = events.socket(side).map(s -> s.userTimeoutMillis()).orElse(0);
            if (timeout == 0) {
                continue;
            }
            var rst = events.firstSent(side, SegmentKind.RST, events.faultT());
            int count = events.keepaliveCount(side).orElse(Integer.MAX_VALUE);
            long unanswered = rst.map(r -> unansweredBefore(events, side, r.t())).orElse(0L);
            if (unanswered > 0 && unanswered < count) {
                sentences.add(Sentence.measured(rst.get().t(), "It was TCP_USER_TIMEOUT (" + timeout + " ms) that "
                        + "ended it, not the count: once probes have started, the keep-alive timer gives up as soon as "
                        + "nothing has come back for the user timeout, so " + the(side) + " stopped after "
                        + unanswered + " of " + count + " probes."));
            }
            retransmittedUntilTimedOut(events, side).ifPresent(t -> sentences.add(Sentence.measured(t,
                    "It was TCP_USER_TIMEOUT (" + timeout + " ms) that ended the retransmissions, in place of "
                            + "tcp_retries2: with a user timeout set, the kernel gives up once data has gone "
                            + "unacknowledged that long.")));
        }
        return sentences;
    }

    /**
     * When {@code side}'s application got {@code ETIMEDOUT} while its data was being retransmitted
     * ({@code tcp_write_timeout}: the user timeout, when set, replaces {@code tcp_retries2}).
     */
    private static Optional<Long> retransmittedUntilTimedOut(ConnectionEvents events, Side side) {
        var first = events.firstSent(side, SegmentKind.RETRANSMISSION, events.faultT());
        return first.flatMap(r -> events.app(side).stream().filter(a -> a.t() > r.t() && Detections.isTimedOut(a))
                .findFirst().map(a -> a.t()));
    }

    /**
     * INFERRED_PROBES: without a capture the lab infers a probe when a side's {@code tcpi_probes}
     * ({@code TCP_INFO}, {@code icsk_probes_out}) rises between two samples: only unanswered probes
     * show, at the sample's time.
     */
    static List<Sentence> inferredProbes(ConnectionEvents events, List<Detection> detections) {
        var sentences = new ArrayList<Sentence>();
        for (var side : Side.values()) {
            var inferred = events.probes(side).stream().filter(p -> p.segment().inferred()).map(SentProbe::t).toList();
            if (!inferred.isEmpty()) {
                sentences.add(Sentence.measured(inferred.getFirst(), "The lab cannot capture here, so it inferred "
                        + the(side) + "'s " + count(inferred.size(), "probe") + " (" + times(inferred) + ") from its "
                        + "kernel's count of unanswered probes (TCP_INFO) as it rose: each time is that of a sample, "
                        + "within " + duration(events.facts.samplingPeriod()) + ", and a probe answered before the "
                        + "next sample does not show."));
            }
        }
        return sentences;
    }

    /**
     * KEEPALIVE_OFF: a survivor without keep-alive whose kernel has not ended the connection: on an
     * idle connection a kernel sends nothing unless keep-alive is on, so nothing can tell it.
     */
    static List<Sentence> keepaliveOff(ConnectionEvents events, List<Detection> detections) {
        var silent = detections.stream().filter(d -> d.kernel().isEmpty() && !events.keepaliveOn(d.side()).orElse(true)
                && events.sent(d.side()).stream().noneMatch(s -> s.t() >= d.fault().t() && s.len() > 0))
                .map(Detection::side).toList();
        if (silent.isEmpty() || events.restoredAt().isPresent()) {
            return List.of();
        }
        long t = events.end(); // told just before what it leads to: that nothing was learned
        String who = silent.size() == 2 ? "Keep-alive is off on both sides: on an idle connection neither kernel sends "
                + "anything, so nothing can tell either that its peer is gone."
                : cap(the(silent.getFirst())) + "'s keep-alive is off: on an idle connection its kernel sends nothing, "
                + "so nothing can tell it that " + the(silent.getFirst().peer()) + " is gone.";
        return List.of(Sentence.measured(t, who));
    }
}
