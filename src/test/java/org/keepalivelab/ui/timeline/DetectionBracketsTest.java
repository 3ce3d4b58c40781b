package org.keepalivelab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.explain.AppFinding;
import org.keepalivelab.explain.Basis;
import org.keepalivelab.explain.Detection;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.Fault;
import org.keepalivelab.explain.KernelFinding;
import org.keepalivelab.explain.Story;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.ui.export.PngToolkit;

/**
 * The brackets of a lane's detections as a frame lays them out and the hit test finds them: from the
 * fault to the application's learning on that side's row, the kernel's moment a tick (a range where
 * predicted), an open bracket where the application has not learned, worded as the issue asks.
 */
// The fonts the layout measures with need the JavaFX toolkit, one per JVM.
@ResourceLock("javafx-toolkit")
class DetectionBracketsTest {
    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    /** 100 s across 1000 px of plot: 0.1 s a pixel. */
    private static final LaneGeometry GEO = new LaneGeometry(LaneGeometry.GUTTER + 1000 + LaneGeometry.RIGHT_MARGIN,
            LaneGeometry.AXIS_HEIGHT + LaneGeometry.LANE_HEIGHT, 0);
    private static final Fault KILL = new Fault(new Action.Kill(Side.CLIENT), Optional.of(Side.CLIENT), 3 * S);

    private final Timeline timeline = new Timeline();
    private final TimelineModel model = new TimelineModel(timeline);
    private final TimelineLayout layout = new TimelineLayout();

    @BeforeAll
    static void toolkit() {
        PngToolkit.startHeadless();
    }

    @BeforeEach
    void aKilledClient() {
        timeline.append(new ActionEvent(0, 1, new Action.Connect(OptionalInt.empty())));
        timeline.append(new ActionEvent(KILL.t(), 1, KILL.action().orElseThrow()));
        model.pull();
    }

    @Test
    void theServersBracketRunsFromTheKillToItsEofWithTheKernelsMomentAndItsWords() {
        timeline.append(new AppEvent(69_400 * MS, 1, Side.SERVER, AppEventType.EOF, 0, null));
        model.pull();
        var eof = detection(Side.SERVER, kernel(69_300 * MS, 69_300 * MS, KernelFinding.Evidence.RST_RECEIVED),
                app(69_400 * MS), Basis.MEASURED);
        var brackets = layOut(eof).lane(0).brackets();
        int s = Side.SERVER.ordinal();

        assertEquals(eof, brackets.detection(s));
        assertNull(brackets.detection(Side.CLIENT.ordinal()), "the killed side outlives nothing: no bracket");
        assertEquals(layout.x(KILL.t()), brackets.from(s), 1e-9);
        assertEquals(layout.x(69_400 * MS), brackets.to(s), 1e-9, "to the application's EOF");
        assertEquals(layout.x(69_300 * MS), brackets.kernelFrom(s), 1e-9, "the kernel's RST a tick before it");
        assertFalse(brackets.open(s));
        assertEquals("server learned after 66.4 s: EOF", brackets.label(s), "the issue's words");
        assertTrue(brackets.labelLeft(s) > brackets.from(s) && brackets.labelLeft(s) < brackets.to(s), "inside the bracket");

        var onLine = HitTest.at(layout, layout.x(30 * S), lineY(Side.SERVER));
        assertEquals(new Hit.Bracket(1, eof), onLine, "found on its line");
        assertEquals(new Hit.Bracket(1, eof), HitTest.at(layout, brackets.labelLeft(s) + 5, lineY(Side.SERVER) - 8),
                "and on its words");
        assertEquals(new Hit.App(1, Side.SERVER, 0), HitTest.at(layout, layout.x(80 * S), lineY(Side.SERVER)),
                "past its end, the EOF's words");
        assertEquals(new Hit.Lane(1), HitTest.at(layout, layout.x(99 * S), lineY(Side.SERVER)), "and nothing beyond");
        assertTrue(MarkDetails.describe(onLine, model).contains("application: EOF at 1 min 09.400 s, 66.4 s after"),
                MarkDetails.describe(onLine, model));
    }

    @Test
    void theLabelMakesRoomForTheOutcomesWordsAtItsMarkInsteadOfHidingBehindThem() {
        // A kill at 40 s, the EOF at 95 s: near the right edge the EOF's words lie left of its line, over
        // the bracket's middle; the bracket's words go into the free stretch nearest the middle.
        var late = new Fault(new Action.Kill(Side.CLIENT), Optional.of(Side.CLIENT), 40 * S);
        timeline.append(new ActionEvent(late.t(), 1, late.action().orElseThrow()));
        timeline.append(new AppEvent(95 * S, 1, Side.SERVER, AppEventType.EOF, 0, null));
        model.pull();
        var eof = new Detection(1, Side.SERVER, late, Optional.empty(), app(95 * S), Basis.MEASURED);
        var brackets = layOut(eof).lane(0).brackets();
        var outcome = layout.lane(0).app(Side.SERVER);
        int s = Side.SERVER.ordinal();

        assertEquals("EOF: read returned end of stream", outcome.label(0), "the outcome keeps its words");
        assertTrue(outcome.labelLeftOfLine(0), "left of its line, at the plot's right edge");
        String label = brackets.label(s);
        assertEquals("server learned after 55.0 s: EOF", label, "and the bracket its own");
        double right = brackets.labelLeft(s) + TimelineFonts.width(label, TimelineFonts.STRONG);
        double outcomeLeft = outcome.x(0) - AppEventMarks.OUTCOME_GAP - TimelineFonts.width(outcome.label(0), TimelineFonts.STRONG);
        assertTrue(brackets.labelLeft(s) > brackets.from(s), "inside the bracket: " + brackets.labelLeft(s));
        assertTrue(right + LabelSpans.GAP <= outcomeLeft, "clear of the EOF's words: " + right + " vs " + outcomeLeft);
        assertTrue(outcomeLeft - right < 2 * LabelSpans.GAP, "as near the bracket's middle as they let it");
    }

    @Test
    void anApplicationThatHasNotLearnedHasAnOpenBracketToTheLatestMoment() {
        var none = detection(Side.SERVER, Optional.empty(), Optional.empty(), Basis.MEASURED);
        var brackets = layOut(none).lane(0).brackets();
        int s = Side.SERVER.ordinal();

        assertTrue(brackets.open(s));
        assertEquals(layout.x(90 * S), brackets.to(s), 1e-9, "to the frame's end");
        assertTrue(Double.isNaN(brackets.kernelFrom(s)), "no kernel moment");
        assertEquals("server's application has not learned", brackets.label(s));

        var kernelOnly = detection(Side.SERVER, kernel(60 * S, 60 * S, KernelFinding.Evidence.RST_SENT), Optional.empty(),
                Basis.MEASURED);
        assertEquals("server's application has not learned (its kernel knew after 57.0 s)",
                layOut(kernelOnly).lane(0).brackets().label(s), "the server whose kernel closed the socket");

        var k = kernelOnly.kernel();
        var readForIt = new Detection(kernelOnly.conn(), Side.SERVER, kernelOnly.fault(), k, Optional.empty(),
                Optional.of(new AppFinding(61 * S, AppEventType.EOF, null)), Basis.MEASURED);
        assertTrue(layOut(readForIt).lane(0).brackets().open(s), "the lab's read is not the application's");
        assertEquals("server's application has not learned (its next read: EOF; its kernel knew after 57.0 s)",
                layOut(readForIt).lane(0).brackets().label(s), "the read-once server, its next read made by the lab");
    }

    @Test
    void aCapturesDetectionClosesWhereItsKernelKnewAndSaysItsApplicationIsNotInTheFile() {
        var k = kernel(60 * S, 60 * S, KernelFinding.Evidence.RST_RECEIVED);
        var captured = new Detection(1, Side.SERVER, KILL, k, Optional.empty(), Optional.empty(), Basis.MEASURED, false);
        var brackets = layOut(captured).lane(0).brackets();
        int s = Side.SERVER.ordinal();

        assertFalse(brackets.open(s), "nothing says the application has not learned: the file holds none of it");
        assertEquals(layout.x(60 * S), brackets.to(s), 1e-9, "to the kernel's moment, the last the capture shows");
        assertEquals("server's kernel knew after 57.0 s (received RST); its application is not in a capture",
                DetectionWords.label(captured));
        assertEquals("server's kernel knew after 57.0 s", DetectionWords.shortLabel(captured));
        assertTrue(DetectionWords.line(captured).endsWith("; application not in a capture"), DetectionWords.line(captured));
        assertTrue(DetectionWords.details(captured).contains("application: not in a capture"), DetectionWords.details(captured));
        assertThrows(IllegalArgumentException.class, () -> new Detection(1, Side.SERVER, KILL, k,
                app(61 * S), Optional.empty(), Basis.MEASURED, false), "an unknown application has no finding");
    }

    @Test
    void whereItsWholeWordsFitNowhereTheBracketSaysTheShortOfIt() {
        var k = kernel(60 * S, 60 * S, KernelFinding.Evidence.RST_SENT);
        var readForIt = new Detection(1, Side.SERVER, KILL, k, Optional.empty(),
                Optional.of(new AppFinding(61 * S, AppEventType.EOF, null)), Basis.MEASURED);
        var narrow = new LaneGeometry(LaneGeometry.GUTTER + 400 + LaneGeometry.RIGHT_MARGIN, GEO.height(), 0);
        layout.update(model, narrow, 0, 100 * S, 90 * S, LaneDetections.of(List.of(explanation(readForIt))));

        assertEquals("server's app has not learned", layout.lane(0).brackets().label(Side.SERVER.ordinal()),
                "its notes (its next read, its kernel's moment) stay in the hover and the story");
    }

    @Test
    void aPredictedDetectionIsARangeAndSaysSo() {
        var predicted = detection(Side.SERVER, kernel(63 * S, 67 * S, KernelFinding.Evidence.RST_RECEIVED),
                Optional.empty(), Basis.PREDICTED);
        var brackets = layOut(predicted).lane(0).brackets();
        int s = Side.SERVER.ordinal();

        assertTrue(brackets.predicted(s));
        assertEquals(layout.x(63 * S), brackets.kernelFrom(s), 1e-9);
        assertEquals(layout.x(67 * S), brackets.kernelTo(s), 1e-9, "the kernel's moment a range");
        assertEquals("server will learn after 60.0–64.0 s (predicted)", brackets.label(s));
    }

    @Test
    void aSeverBracketsBothSidesEachOnItsOwnRow() {
        var sever = new Fault(new Action.Sever(EnumSet.allOf(Direction.class)),
                Optional.empty(), 3 * S);
        var client = new Detection(1, Side.CLIENT, sever, Optional.empty(), Optional.empty(), Basis.MEASURED);
        var server = new Detection(1, Side.SERVER, sever, kernel(9 * S, 9 * S, KernelFinding.Evidence.TIMED_OUT),
                Optional.of(new AppFinding(9 * S, AppEventType.ERROR, "Connection timed out")), Basis.MEASURED);
        layout.update(model, GEO, 0, 100 * S, 90 * S, LaneDetections.of(List.of(explanation(client, server))));
        var brackets = layout.lane(0).brackets();

        assertEquals("server learned after 6.00 s", brackets.label(Side.SERVER.ordinal()),
                "a 60 px bracket: the short of it beside it, its outcome in the hover and the story");
        assertEquals("client's application has not learned", brackets.label(Side.CLIENT.ordinal()));
        assertEquals(new Hit.Bracket(1, client), HitTest.at(layout, layout.x(50 * S), lineY(Side.CLIENT)));
        assertNotEquals(lineY(Side.CLIENT), lineY(Side.SERVER));
    }

    @Test
    void aCompactLaneHasNoBracketAndANewExplanationIsLaidOutAgain() {
        var eof = detection(Side.SERVER, Optional.empty(), app(69_400 * MS), Basis.MEASURED);
        var compact = new LaneGeometry(GEO.width(), GEO.height(), 0, LaneHeights.compact(1, 10, -1));
        layout.update(model, compact, 0, 100 * S, 90 * S, LaneDetections.of(List.of(explanation(eof))));
        assertNull(layout.lane(0).brackets().detection(Side.SERVER.ordinal()), "no words, no bracket");

        layout.update(model, GEO, 0, 100 * S, 90 * S, LaneDetections.NONE);
        assertNull(layout.lane(0).brackets().detection(Side.SERVER.ordinal()));
        layout.update(model, GEO, 0, 100 * S, 90 * S, LaneDetections.of(List.of(explanation(eof))));
        assertEquals(eof, layout.lane(0).brackets().detection(Side.SERVER.ordinal()), "the same frame, new detections");
    }

    private TimelineLayout layOut(Detection detection) {
        layout.update(model, GEO, 0, 100 * S, 90 * S, LaneDetections.of(List.of(explanation(detection))));
        return layout;
    }

    private static Explanation explanation(Detection... detections) {
        return new Explanation(List.of(detections), new Story(1, List.of()));
    }

    private static Detection detection(Side side, Optional<KernelFinding> kernel, Optional<AppFinding> app, Basis basis) {
        return new Detection(1, side, KILL, kernel, app, basis);
    }

    private static Optional<KernelFinding> kernel(long from, long to, KernelFinding.Evidence evidence) {
        return Optional.of(new KernelFinding(from, from, to, evidence));
    }

    private static Optional<AppFinding> app(long t) {
        return Optional.of(new AppFinding(t, AppEventType.EOF, null));
    }

    private static double lineY(Side side) {
        return LaneGeometry.AXIS_HEIGHT + LaneRows.FULL.appBaseline(side) + DetectionBrackets.DROP;
    }
}
