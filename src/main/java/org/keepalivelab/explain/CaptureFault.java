package org.keepalivelab.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.keepalivelab.explain.ConnectionEvents.SentProbe;
import org.keepalivelab.explain.ProbeVerdict.Outcome;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;

/**
 * The fault a capture shows, from its segments alone (no action of the lab's is in a capture): the
 * earliest of a FIN (its sender closed, or its process ended: the kernel closes a dead process's
 * socket as {@code close()} does, {@code tcp_close}), a RST (its sender aborted or no longer knew the
 * connection) and the first probe nobody answered (the peer, or the path, went silent: which one a
 * capture cannot tell, so both ends are survivors, as for a sever).
 */
final class CaptureFault {
    private CaptureFault() {
    }

    static Optional<Fault> first(ConnectionEvents events) {
        var candidates = new ArrayList<Fault>();
        for (var side : Side.values()) {
            events.firstSent(side, SegmentKind.FIN, Long.MIN_VALUE)
                    .ifPresent(s -> candidates.add(seen(Fault.Seen.FIN, Optional.of(side), s.t())));
            events.firstSent(side, SegmentKind.RST, Long.MIN_VALUE)
                    .ifPresent(s -> candidates.add(seen(Fault.Seen.RST, Optional.of(side), s.t())));
            events.probes(side).stream().filter(p -> p.verdict().outcome() == Outcome.UNANSWERED).findFirst()
                    .ifPresent(p -> candidates.add(seen(Fault.Seen.SILENCE, Optional.empty(), p.t())));
        }
        // The earliest; at equal times the list's order (a FIN before the RST it may carry with it).
        return candidates.stream().min(Comparator.comparingLong(Fault::t));
    }

    private static Fault seen(Fault.Seen seen, Optional<Side> side, long t) {
        return new Fault(Optional.empty(), seen, side, t);
    }

    /**
     * For a capture's silence: {@code side}'s unanswered probes stopped, it sent nothing more, no RST of
     * its own, and the capture goes on at least two of its intervals past its last probe: its keep-alive
     * timer gave up when the next probe was due (the last probe plus the interval its probes kept,
     * {@link ProbeTiming}), the earliest being the last probe itself. Linux sends a RST as it gives up
     * ({@code tcp_send_active_reset} in {@code tcp_keepalive_timer}); a capture without it shows another
     * system's timer, or a RST the capture did not see.
     */
    static Optional<KernelFinding> probesStopped(ConnectionEvents events, Side side, long from) {
        var fault = events.fault.filter(f -> f.seen() == Fault.Seen.SILENCE);
        if (fault.isEmpty() || events.firstSent(side, SegmentKind.RST, from).isPresent()) {
            return Optional.empty();
        }
        List<SentProbe> probes = events.probes(side);
        if (probes.isEmpty() || probes.getLast().t() < from
                || probes.getLast().verdict().outcome() == Outcome.ANSWERED) {
            return Optional.empty();
        }
        long last = probes.getLast().t();
        var interval = ProbeTiming.of(events, side).interval();
        boolean nothingAfter = events.sent(side).getLast().t() == last;
        if (interval.isEmpty() || !nothingAfter || events.end() < last + 2 * interval.getAsLong()) {
            return Optional.empty();
        }
        return Optional.of(new KernelFinding(last + interval.getAsLong(), last, last + interval.getAsLong(),
                KernelFinding.Evidence.PROBES_STOPPED));
    }
}
