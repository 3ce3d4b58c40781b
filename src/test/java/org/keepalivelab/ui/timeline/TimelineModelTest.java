package org.keepalivelab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Probe;
import org.keepalivelab.model.ProbeAnswer;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.Timeline;

/** The view model sorts late arrivals into place and draws each probe by the answer the model gives it. */
class TimelineModelTest {
    private static final long S = 1_000_000_000L;

    @Test
    void sortsLateEventsAndClassifiesProbesByTheirAnswer() {
        var timeline = new Timeline();
        var model = new TimelineModel(timeline);
        timeline.append(segment(1 * S, Direction.S2C, SegmentKind.KEEPALIVE, false));
        timeline.append(segment(2 * S, Direction.S2C, SegmentKind.KEEPALIVE, false));
        timeline.append(segment(1 * S + 50_000, Direction.C2S, SegmentKind.KEEPALIVE_ACK, false)); // arrives late
        model.pull();
        timeline.append(segment(3 * S, Direction.S2C, SegmentKind.KEEPALIVE, true));
        timeline.append(segment(4 * S, Direction.S2C, SegmentKind.KEEPALIVE, false));
        timeline.append(segment(4 * S + 40_000, Direction.C2S, SegmentKind.RST, false));
        model.pull();

        var probes = model.lanes().getFirst().probes(Side.SERVER);
        assertEquals(List.of(ProbeAnswer.ACK, ProbeAnswer.NONE, ProbeAnswer.NONE, ProbeAnswer.RST),
                probes.stream().map(Probe::answer).toList());
        assertEquals(6, model.segmentCount());
        var row = model.lanes().getFirst().segments(Side.SERVER);
        assertEquals(MarkKind.PROBE_UNANSWERED, MarkKind.of(row, 1));
        assertEquals(MarkKind.PROBE_ANSWERED, MarkKind.of(row, 0));
    }

    @Test
    void picksAxisStepsFromOneTwoFive() {
        assertEquals(2 * S, TimeAxis.step(20 * S, 1000, 90));   // 1.8 s needed → 2 s
        assertEquals(500_000_000L, TimeAxis.step(4 * S, 1000, 90));
        assertEquals(5_000L, TimeAxis.step(40_000, 1000, 90)); // µs scale
        assertEquals("2.5 s", TimeAxis.label(2_500_000_000L, 500_000_000L));
        assertEquals("1 min 30 s", TimeAxis.label(90 * S, 30 * S));
        assertEquals("250 ms", TimeAxis.label(250_000_000L, 50_000_000L));
    }

    private static SegmentEvent segment(long t, Direction dir, SegmentKind kind, boolean dropped) {
        int flags = kind == SegmentKind.RST ? TcpFlags.RST : TcpFlags.ACK;
        return new SegmentEvent(t, 1, dir, flags, 1000, 2000, 0, 512, kind, dropped);
    }
}
