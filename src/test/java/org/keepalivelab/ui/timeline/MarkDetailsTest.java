package org.keepalivelab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.IdleMode;
import org.keepalivelab.model.InTimeOrder;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.Timeline;

/**
 * A hovered application error reads as the timeline writes it, with or without Java's message; a band
 * counts unanswered probes only while the connection lives; an inferred probe says how it was inferred.
 */
class MarkDetailsTest {
    @Test
    void anErrorWithoutAMessageReadsAsTheTimelineWritesIt() {
        var timeline = new Timeline();
        var model = new TimelineModel(timeline);
        timeline.append(new AppEvent(1_000, 1, Side.SERVER, AppEventType.ERROR, 0, null));
        timeline.append(new AppEvent(2_000, 1, Side.SERVER, AppEventType.ERROR, 0, "Connection timed out"));
        model.pull();

        assertEquals("Error: error.", what(model, 0));
        assertEquals("Error: Connection timed out (the kernel gave up: ETIMEDOUT).", what(model, 1));
    }

    @Test
    void aClosedBandCountsNoUnansweredProbes() {
        // The kernel leaves the count at the probe a RST answered: it says nothing once the connection is gone.
        var timeline = new Timeline();
        var model = new TimelineModel(timeline);
        timeline.append(new StateEvent(1_000, 1, Side.SERVER, TcpState.CLOSE_WAIT, 1, false));
        timeline.append(new StateEvent(2_000, 1, Side.SERVER, TcpState.CLOSED, 1, false));
        model.pull();

        assertEquals("1 keep-alive probe(s) unanswered.", band(model, 0).lines().toList().getLast());
        assertFalse(band(model, 1).contains("unanswered"), band(model, 1));
    }

    @Test
    void aLabelAssumedFromACaptureSaysSoAndWhyAndOnlyThat() {
        var timeline = new Timeline();
        var model = new TimelineModel(timeline, index -> index == 1);
        for (int i = 0; i < 2; i++) {
            timeline.append(new SegmentEvent(1_000 + i, 1, Direction.C2S, TcpFlags.ACK, 100 + i, 1, 0, 0,
                    SegmentKind.ZERO_WINDOW_PROBE, false));
        }
        model.pull();

        var seen = MarkDetails.describe(new Hit.Segment(1, Side.CLIENT, 0), model);
        var assumed = MarkDetails.describe(new Hit.Segment(1, Side.CLIENT, 1), model);
        assertFalse(seen.contains("Assumed"), seen);
        assertTrue(assumed.contains("Assumed from the capture: a file cannot show whether the sender had data waiting"),
                assumed);
    }

    @Test
    void anInferredProbeSaysTheKernelIsSampledLessOftenBeyondAHundredConnections() {
        var timeline = new Timeline();
        var model = new TimelineModel(timeline);
        timeline.append(SegmentEvent.inferredKeepalive(1_000, 1, Direction.S2C));
        model.pull();

        var details = MarkDetails.describe(new Hit.Segment(1, Side.SERVER, 0), model);
        assertTrue(details.contains("(sampled every 20 ms, less often beyond a hundred connections)"), details);
    }

    @Test
    void detailsWriteTimeAsTheAxisDoesToTheMicrosecondAndABandsToTheMillisecond() {
        var timeline = new Timeline();
        var model = new TimelineModel(timeline);
        long t = 118_221_312_345L;
        timeline.append(new SegmentEvent(t, 1, Direction.C2S, TcpFlags.ACK, 1000, 2000, 0, 512, SegmentKind.ACK, false));
        timeline.append(new StateEvent(t, 1, Side.SERVER, TcpState.ESTABLISHED, 0, false));
        model.pull();

        assertEquals("1 min 58 s", TimeAxis.label(118_000_000_000L, 1_000_000_000L), "the axis at that second");
        var segment = MarkDetails.describe(new Hit.Segment(1, Side.CLIENT, 0), model);
        assertTrue(segment.startsWith("1 min 58.221312 s · connection 1"), segment);
        assertTrue(band(model, 0).contains(" from 1 min 58.221 s"), band(model, 0));
    }

    @Test
    void aProbeAResetMiddleboxAnsweredSaysSoOnceExplained() {
        var timeline = new Timeline();
        var model = new TimelineModel(timeline);
        timeline.append(new ActionEvent(300_000_000L, 1, new Action.SeverIdle(8, IdleMode.RESET)));
        timeline.append(new ActionEvent(8_300_000_000L, 1, new Action.Forget(IdleMode.RESET)));
        timeline.append(new SegmentEvent(12_000_000_000L, 1, Direction.S2C, TcpFlags.ACK, 1000, 2000, 0, 512,
                SegmentKind.KEEPALIVE, true));
        timeline.append(new SegmentEvent(12_010_000_000L, 1, Direction.C2S, TcpFlags.RST, 2000, 0, 0, 0, SegmentKind.RST, false));
        timeline.append(new SegmentEvent(12_011_000_000L, 1, Direction.S2C, TcpFlags.RST, 1000, 0, 0, 0, SegmentKind.RST, false));
        model.pull();
        var explained = Explanation.of(new ConnectionFacts(1, InTimeOrder.of(timeline), Optional.of(LabSettings.seed()),
                KernelSettings.read(), Optional.empty(), 12_011_000_000L, 20_000_000L));

        var probe = new Hit.Segment(1, Side.SERVER, 0);
        var before = MarkDetails.describe(probe, model);
        var after = MarkDetails.describe(probe, model, LaneDetections.of(List.of(explained)));
        assertTrue(before.contains("unanswered."), before);
        assertTrue(after.contains("answered by the middlebox, which had forgotten the connection: it dropped the probe "
                + "before the client's socket saw it and answered with a forged RST to each end."), after);
        assertFalse(after.contains("unanswered") || after.contains("the lab's sever"), after);
    }

    @Test
    void aSegmentTheSeverDroppedSaysSo() {
        var timeline = new Timeline();
        var model = new TimelineModel(timeline);
        timeline.append(new SegmentEvent(5_000_000_000L, 1, Direction.S2C, TcpFlags.ACK, 1000, 2000, 0, 512,
                SegmentKind.KEEPALIVE, true));
        model.pull();

        var details = MarkDetails.describe(new Hit.Segment(1, Side.SERVER, 0), model);
        assertTrue(details.contains("Lost: the lab's sever dropped it before the client's socket saw it."), details);
    }

    private static String band(TimelineModel model, int index) {
        return MarkDetails.describe(new Hit.State(1, Side.SERVER, index), model);
    }

    /** The details' last line, which says what the server's application event {@code index} was. */
    private static String what(TimelineModel model, int index) {
        return MarkDetails.describe(new Hit.App(1, Side.SERVER, index), model).lines().toList().getLast();
    }
}
