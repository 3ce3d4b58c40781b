package org.keepalivelab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Direction;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.model.TcpFlags;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.ui.export.PngToolkit;

/**
 * The layout a frame draws, and the hit test that reads it: merged marks keep the most telling,
 * labels keep apart, and the mouse finds what was drawn where it was drawn, nothing where nothing was.
 */
// The fonts the layout measures with need the JavaFX toolkit, one per JVM.
@ResourceLock("javafx-toolkit")
class TimelineLayoutTest {
    private static final long S = 1_000_000_000L;
    /** 10 s across 1000 px of plot: 10 ms a pixel. */
    private static final LaneGeometry GEO = new LaneGeometry(LaneGeometry.GUTTER + 1000 + LaneGeometry.RIGHT_MARGIN,
            LaneGeometry.AXIS_HEIGHT + LaneGeometry.LANE_HEIGHT, 0);
    private static final double MS = 1_000_000;

    private final Timeline timeline = new Timeline();
    private final TimelineModel model = new TimelineModel(timeline);
    private final TimelineLayout layout = new TimelineLayout();

    @BeforeAll
    static void toolkit() {
        PngToolkit.startHeadless();
    }

    @Test
    void aLoneResetAmongAcksOnOnePixelIsTheColumnDrawnAndTheOneFound() {
        for (int i = 0; i < 100; i++) {
            segment(5 * S + i * 10_000L, Direction.C2S, i == 57 ? SegmentKind.RST : SegmentKind.ACK, i == 3);
        }
        var marks = layOut().lane(0).marks(Side.CLIENT);

        assertEquals(1, marks.count(), "a millisecond of segments is one column");
        assertEquals(MarkKind.RST, marks.mark(0));
        assertEquals(57, marks.segment(0));
        assertTrue(marks.dropped(0), "crossed out: one of its ACKs was dropped");
        double x = marks.x(0);
        assertEquals(new Hit.Segment(1, Side.CLIENT, 57), hit(x + 6, Side.CLIENT));
        assertEquals(new Hit.Lane(1), hit(x + 8, Side.CLIENT), "beyond reach of the drawn mark");
    }

    @Test
    void byteLabelsKeepApartAndTheirColumnsAddUpWhatTheyMerged() {
        for (int i = 0; i < 50; i++) {
            timeline.append(new SegmentEvent(S + i * 20 * (long) MS, 1, Direction.S2C, TcpFlags.ACK | TcpFlags.PSH,
                    0, 0, 1448, 512, SegmentKind.DATA, false)); // 2 px apart: two a column
        }
        var marks = layOut().lane(0).marks(Side.SERVER);

        double lastEnd = Double.NEGATIVE_INFINITY;
        int labels = 0;
        for (int c = 0; c < marks.count(); c++) {
            if (marks.label(c) != null) {
                labels++;
                assertEquals("2.9 kB", marks.label(c));
                assertTrue(marks.x(c) > lastEnd + LabelSpans.GAP, "label " + c + " starts clear of the last");
                lastEnd = MarkColumns.labelX(marks.x(c)) + TimelineFonts.width(marks.label(c), TimelineFonts.LABEL);
            }
        }
        assertEquals(25, marks.count());
        assertTrue(labels > 1 && labels < marks.count(), labels + " labels");
    }

    @Test
    void anEventsLabelIsFoundWhereItIsDrawnAndAHiddenOneNowhere() {
        var client = Side.CLIENT;
        long write = 2 * S + 20 * (long) MS;
        long read = 9_500 * (long) MS;
        timeline.append(new AppEvent(2 * S, 1, client, AppEventType.CONNECTED, 0, null));
        timeline.append(new AppEvent(write, 1, client, AppEventType.WRITE, 5, null)); // under the connected's words
        timeline.append(new AppEvent(read, 1, client, AppEventType.READ, 5, null)); // under the EOF's words
        timeline.append(new AppEvent(9_950 * (long) MS, 1, client, AppEventType.EOF, 0, null)); // at the right edge
        var app = layOut().lane(0).app(client);

        assertEquals(1, app.outcomes());
        assertEquals(3, app.event(0), "the outcome is laid out first, then the rest in time order");
        assertTrue(app.labelLeftOfLine(0), "the EOF's words go left of its line, near the edge");
        assertEquals(new Hit.App(1, client, 3), appHit(layout.x(9_950 * (long) MS) - 60));
        assertEquals("connected", app.label(1));
        assertEquals("· write 5 B", app.label(2), "the write's words continue the connected's, not hidden under them");
        assertTrue(app.labelX(2) > layout.x(2 * S) + TimelineFonts.width("connected", TimelineFonts.LABEL));
        assertEquals(new Hit.App(1, client, 0), appHit(layout.x(write) + 30), "the connected's words");
        assertEquals(new Hit.App(1, client, 1), appHit(app.labelX(2) + 20), "the write's own words");
        assertEquals(new Hit.App(1, client, 1), appHit(layout.x(write)), "its line is");
        assertNull(app.label(3), "the read's words would run into the EOF's, either side of its line");
        assertEquals(new Hit.App(1, client, 3), appHit(layout.x(read) - 30), "where the read's label is not drawn, the EOF's is");
        assertEquals(new Hit.App(1, client, 2), appHit(layout.x(read)), "its line is");
    }

    @Test
    void aBandIsFoundWhereItIsDrawnUntilTheFramesEnd() {
        timeline.append(new StateEvent(S, 1, Side.CLIENT, TcpState.ESTABLISHED, 0, false));
        timeline.append(new StateEvent(5 * S, 1, Side.CLIENT, TcpState.CLOSED, 0, false));
        model.pull();
        layout.update(model, GEO, 0, 10 * S, 8 * S, LaneDetections.NONE);
        var bands = layout.lane(0).bands(Side.CLIENT);

        assertEquals(2, bands.count());
        assertEquals("ESTABLISHED", bands.label(0));
        assertEquals(new Hit.State(1, Side.CLIENT, 0), bandHit(3 * S));
        assertEquals(new Hit.State(1, Side.CLIENT, 1), bandHit(5 * S));
        assertEquals(new Hit.Lane(1), bandHit(S / 2), "before the first band");
        assertEquals(new Hit.Lane(1), bandHit(9 * S), "after the frame's end");
    }

    @Test
    void aFaultsLabelIsPlacedBeforeTrafficsAndFoundThere() {
        timeline.append(new ActionEvent(3 * S, 1, new Action.Send(5)));
        timeline.append(new ActionEvent(3 * S + 10 * (long) MS, 1, new Action.Kill()));
        var actions = layOut().lane(0).actions();

        assertEquals(1, actions.action(0), "the kill first");
        assertEquals("kill client", actions.label(0));
        assertNull(actions.label(1), "the send's words would run into the kill's");
        double y = LaneGeometry.AXIS_HEIGHT + LaneRows.FULL.actionBaseline() - 4;
        assertEquals(new Hit.Action(1, 1), HitTest.at(layout, layout.x(3 * S + 10 * (long) MS) + 50, y));
    }

    @Test
    void isLaidOutAgainOnlyWhenTheModelOrTheWindowChanged() {
        timeline.append(new SegmentEvent(S, 1, Direction.C2S, TcpFlags.ACK | TcpFlags.PSH, 0, 0, 5, 512,
                SegmentKind.DATA, false));
        String label = layOut().lane(0).marks(Side.CLIENT).label(0);
        assertEquals("5 B", label);
        assertSame(label, layOut().lane(0).marks(Side.CLIENT).label(0), "the same frame again: nothing to do");

        segment(2 * S, Direction.C2S, SegmentKind.ACK, false);
        assertEquals(2, layOut().lane(0).marks(Side.CLIENT).count(), "the new segment is laid out");
        label = layout.lane(0).marks(Side.CLIENT).label(0);
        layout.update(model, GEO, S, 11 * S, 11 * S, LaneDetections.NONE);
        assertNotSame(label, layout.lane(0).marks(Side.CLIENT).label(0));
        assertEquals(GEO.plotLeft(), layout.lane(0).marks(Side.CLIENT).x(0), 1e-9, "the window moved");
    }

    @Test
    void anActionNearTheRightEdgeKeepsItsWholeLabelLeftOfItsLine() {
        timeline.append(new ActionEvent(9_900 * (long) MS, 1, new Action.Kill()));
        var actions = layOut().lane(0).actions();

        assertEquals("kill client", actions.label(0), "whole, not clipped at the lane's edge");
        assertTrue(actions.labelLeftOfLine(0));
        double width = ActionMarks.LABEL_INSET + TimelineFonts.width("kill client", TimelineFonts.STRONG);
        assertTrue(actions.labelX(0) <= GEO.plotRight() && actions.labelX(0) - width >= GEO.plotLeft(),
                "inside the plot: ends at " + actions.labelX(0));
        double y = LaneGeometry.AXIS_HEIGHT + LaneRows.FULL.actionBaseline() - 4;
        assertEquals(new Hit.Action(1, 0), HitTest.at(layout, actions.x(0) - 40, y), "found on its words");
    }

    @Test
    void anActionBeforeTheWindowGetsNoLabelAtTheLeftEdge() {
        timeline.append(new ActionEvent(S / 2, 1, new Action.Connect()));
        timeline.append(new ActionEvent(2 * S, 1, new Action.Kill()));
        model.pull();
        layout.update(model, GEO, S, 11 * S, 11 * S, LaneDetections.NONE);
        var actions = layout.lane(0).actions();

        assertEquals(1, actions.count(), "only the kill, whose line is in the window");
        assertEquals(1, actions.action(0));
        assertEquals(layout.x(2 * S) + ActionMarks.LABEL_INSET, actions.labelX(0), 1e-9, "next to its line");
        double y = LaneGeometry.AXIS_HEIGHT + LaneRows.FULL.actionBaseline() - 4;
        assertEquals(new Hit.Lane(1), HitTest.at(layout, GEO.plotLeft() + 5, y), "nothing of the connect at the left edge");
    }

    @Test
    void anApplicationsEventAndABytesLabelNearTheRightEdgeAreWholeOrNotThere() {
        timeline.append(new AppEvent(9_950 * (long) MS, 1, Side.SERVER, AppEventType.READ, 5, null));
        timeline.append(new SegmentEvent(9_990 * (long) MS, 1, Direction.C2S, TcpFlags.ACK | TcpFlags.PSH, 0, 0, 5, 512,
                SegmentKind.DATA, false));
        var lane = layOut().lane(0);

        var app = lane.app(Side.SERVER);
        assertEquals("read 5 B", app.label(0));
        assertTrue(app.labelLeftOfLine(0), "left of its line, right-aligned");
        assertNull(lane.marks(Side.CLIENT).label(0), "no byte count cut at the edge");
    }

    @Test
    void aSeversCrossShowsTheDroppedSegmentsDetailsEvenWhereTheDrawnMarkArrived() {
        timeline.append(new SegmentEvent(5 * S, 1, Direction.C2S, TcpFlags.FIN | TcpFlags.ACK, 1000, 2000, 0, 512,
                SegmentKind.FIN, false));
        segment(5 * S + 1_000, Direction.C2S, SegmentKind.ACK, true); // merged into the FIN's column
        var marks = layOut().lane(0).marks(Side.CLIENT);
        assertEquals(MarkKind.FIN, marks.mark(0));

        var cross = HitTest.at(layout, marks.x(0) + 2, LaneGeometry.AXIS_HEIGHT + LaneRows.FULL.dropped());
        assertEquals(new Hit.Segment(1, Side.CLIENT, 1), cross, "the cross stands for the dropped ACK");
        assertTrue(MarkDetails.describe(cross, model).contains("Lost: the lab's sever dropped it"));
        assertEquals(new Hit.Segment(1, Side.CLIENT, 0), hit(marks.x(0), Side.CLIENT), "the mark is the FIN");
        double between = LaneRows.FULL.track(Side.CLIENT) + 12; // past the mark, short of the cross
        assertEquals(new Hit.Segment(1, Side.CLIENT, 1), HitTest.at(layout, marks.x(0), LaneGeometry.AXIS_HEIGHT + between),
                "and so does its dashed connector");
    }

    @Test
    void whereOneThingIsDrawnOverAnotherTheTopOneIsFound() {
        timeline.append(new StateEvent(S, 1, Side.SERVER, TcpState.CLOSE_WAIT, 0, false));
        timeline.append(new AppEvent(5 * S, 1, Side.SERVER, AppEventType.EOF, 0, null));
        timeline.append(new ActionEvent(3 * S, 1, new Action.Kill()));
        layOut();
        double band = LaneGeometry.AXIS_HEIGHT + LaneRows.FULL.bandTop(Side.SERVER) + 8;

        assertEquals(new Hit.App(1, Side.SERVER, 0), HitTest.at(layout, layout.x(5 * S), band),
                "the EOF's line crosses the band over it");
        assertEquals(new Hit.State(1, Side.SERVER, 0), HitTest.at(layout, layout.x(4 * S), band));
        double empty = LaneGeometry.AXIS_HEIGHT + LaneRows.FULL.dropped();
        assertEquals(new Hit.Action(1, 0), HitTest.at(layout, layout.x(3 * S) + 1, empty),
                "the action's dashed line, down the lane");
    }

    @Test
    void compactLanesFitTwentyConnectionsInFiveHundredPixelsAndAreFoundWhereDrawn() {
        for (int conn = 1; conn <= 20; conn++) {
            timeline.append(new StateEvent(S, conn, Side.CLIENT, TcpState.ESTABLISHED, 0, false));
            timeline.append(new SegmentEvent(5 * S, conn, Direction.S2C, TcpFlags.ACK, 1000, 2000, 0, 512,
                    SegmentKind.KEEPALIVE, conn == 7));
        }
        model.pull();
        double room = 500 - LaneGeometry.AXIS_HEIGHT;
        var heights = LaneHeights.compact(20, room, 6);
        assertEquals(-1, heights.expanded(), "no room for connection 7 in full beside nineteen others");
        var geo = new LaneGeometry(GEO.width(), 500, 0, heights);
        assertTrue(geo.content(20) <= 500, "twenty lanes and the axis in " + geo.content(20) + " px");
        layout.update(model, geo, 0, 10 * S, 10 * S, LaneDetections.NONE);

        assertEquals(20, layout.laneCount(), "every lane laid out");
        var lane = layout.lane(6);
        assertEquals(7, lane.conn());
        double x = layout.x(5 * S);
        assertEquals(new Hit.Segment(7, Side.SERVER, 0), HitTest.at(layout, x, lane.top() + LaneRows.COMPACT.track(Side.SERVER)),
                "the probe, under its cross");
        assertEquals(new Hit.State(7, Side.CLIENT, 0), HitTest.at(layout, x - 50, lane.top() + LaneRows.COMPACT.bandTop(Side.CLIENT) + 1));
        assertNull(lane.bands(Side.CLIENT).label(0), "no words in a compact lane");

        var fewer = LaneHeights.compact(5, room, 2);
        assertEquals(2, fewer.expanded(), "with room to spare the selected lane stays in full");
        var tall = new LaneGeometry(GEO.width(), 500, 0, fewer);
        assertEquals(2, tall.laneAt(tall.laneTop(2) + LaneGeometry.LANE_HEIGHT - 1, 5));
        assertEquals(3, tall.laneAt(tall.laneTop(2) + LaneGeometry.LANE_HEIGHT + 1, 5));
        assertEquals(-1, tall.laneAt(tall.content(5) + 1, 5));
    }

    private TimelineLayout layOut() {
        model.pull();
        layout.update(model, GEO, 0, 10 * S, 10 * S, LaneDetections.NONE);
        return layout;
    }

    private void segment(long t, Direction dir, SegmentKind kind, boolean dropped) {
        int flags = kind == SegmentKind.RST ? TcpFlags.RST : kind == SegmentKind.SYN ? TcpFlags.SYN : TcpFlags.ACK;
        timeline.append(new SegmentEvent(t, 1, dir, flags, 1000, 2000, 0, 512, kind, dropped));
    }

    private Hit hit(double x, Side side) {
        return HitTest.at(layout, x, LaneGeometry.AXIS_HEIGHT + LaneRows.FULL.track(side));
    }

    private Hit bandHit(long t) {
        return HitTest.at(layout, layout.x(t), LaneGeometry.AXIS_HEIGHT + LaneRows.FULL.bandTop(Side.CLIENT) + 8);
    }

    private Hit appHit(double x) {
        return HitTest.at(layout, x, LaneGeometry.AXIS_HEIGHT + LaneRows.FULL.appBaseline(Side.CLIENT) - 4);
    }
}
