package org.keepalivelab.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.keepalivelab.explain.ConnectionEvents.SentProbe;
import org.keepalivelab.explain.ProbeVerdict.Outcome;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.Side;

/**
 * A side's keep-alive timing as its captured probes imply it, where its settings are unknown: the
 * idle time is the wait from the last segment it received to a probe that opens a run (the kernel
 * counts the idle time from the last segment received, {@code keepalive_time_elapsed},
 * {@code include/net/tcp.h}); the interval the wait between a probe nobody answered and the next
 * ({@code tcp_keepalive_timer} re-arms for {@code keepalive_intvl} while unanswered). Each is quoted as
 * the median of what was measured, with the range: the kernel's timers fire on jiffies, a little late.
 *
 * @param idles     the measured idle waits, ns, in time order
 * @param intervals the measured intervals, ns, in time order
 */
record ProbeTiming(List<Long> idles, List<Long> intervals) {

    static ProbeTiming of(ConnectionEvents events, Side side) {
        var idles = new ArrayList<Long>();
        var intervals = new ArrayList<Long>();
        List<SentProbe> probes = events.probes(side).stream().filter(p -> !p.segment().inferred()).toList();
        List<SegmentEvent> received = events.received(side);
        int next = 0; // the first received segment at or after the probe: both lists are in time order
        for (int i = 0; i < probes.size(); i++) {
            long t = probes.get(i).t();
            while (next < received.size() && received.get(next).t() < t) {
                next++;
            }
            boolean afterUnanswered = i > 0 && probes.get(i - 1).verdict().outcome() != Outcome.ANSWERED;
            if (afterUnanswered) {
                intervals.add(t - probes.get(i - 1).t());
            } else if (next > 0) {
                idles.add(t - received.get(next - 1).t());
            }
        }
        return new ProbeTiming(List.copyOf(idles), List.copyOf(intervals));
    }

    OptionalLong idle() {
        return median(idles);
    }

    OptionalLong interval() {
        return median(intervals);
    }

    private static OptionalLong median(List<Long> values) {
        if (values.isEmpty()) {
            return OptionalLong.empty();
        }
        var sorted = values.stream().sorted().toList();
        return OptionalLong.of(sorted.get(sorted.size() / 2));
    }
}
