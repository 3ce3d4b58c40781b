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
        timeline.append(new AppEvent(2 * S, 1, client, AppEventType.CONNECTED, 0, null));
        timeline.append(new AppEvent(2 * S + 20 * (long) MS, 1, client, AppEventType.WRITE, 5, null)); // runs into it
        timeline.append(new AppEvent(9_950 * (long) MS, 1, client, AppEventType.EOF, 0, null)); // at the right edge
        var app = layOut().lane(0).app(client);

        assertEquals(1, app.outcomes());
        assertEquals(2, app.event(0), "the outcome is laid out first, then the rest in time order");
        assertTrue(app.labelLeftOfLine(0), "the EOF's words go left of its line, near the edge");
        assertEquals(new Hit.App(1, client, 2), appHit(layout.x(9_950 * (long) MS) - 60));
        assertEquals("connected", app.label(1));
        assertNull(app.label(2), "the write's label would overlap the connected's");
        assertEquals(new Hit.App(1, client, 0), appHit(layout.x(2 * S + 20 * (long) MS) + 30),
                "where the write's label is not drawn, the connected's is");
        assertEquals(new Hit.App(1, client, 1), appHit(layout.x(2 * S + 20 * (long) MS)), "its line is");
    }

    @Test
    void aBandIsFoundWhereItIsDrawnUntilTheFramesEnd() {
        timeline.append(new StateEvent(S, 1, Side.CLIENT, TcpState.ESTABLISHED, 0, false));
        timeline.append(new StateEvent(5 * S, 1, Side.CLIENT, TcpState.CLOSED, 0, false));
        model.pull();
        layout.update(model, GEO, 0, 10 * S, 8 * S);
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
        double y = LaneGeometry.AXIS_HEIGHT + LaneGeometry.ACTION_BASELINE - 4;
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
        layout.update(model, GEO, S, 11 * S, 11 * S);
        assertNotSame(label, layout.lane(0).marks(Side.CLIENT).label(0));
        assertEquals(GEO.plotLeft(), layout.lane(0).marks(Side.CLIENT).x(0), 1e-9, "the window moved");
    }

    private TimelineLayout layOut() {
        model.pull();
        layout.update(model, GEO, 0, 10 * S, 10 * S);
        return layout;
    }

    private void segment(long t, Direction dir, SegmentKind kind, boolean dropped) {
        int flags = kind == SegmentKind.RST ? TcpFlags.RST : kind == SegmentKind.SYN ? TcpFlags.SYN : TcpFlags.ACK;
        timeline.append(new SegmentEvent(t, 1, dir, flags, 1000, 2000, 0, 512, kind, dropped));
    }

    private Hit hit(double x, Side side) {
        return HitTest.at(layout, x, LaneGeometry.AXIS_HEIGHT + LaneGeometry.track(side));
    }

    private Hit bandHit(long t) {
        return HitTest.at(layout, layout.x(t), LaneGeometry.AXIS_HEIGHT + LaneGeometry.bandTop(Side.CLIENT) + 8);
    }

    private Hit appHit(double x) {
        return HitTest.at(layout, x, LaneGeometry.AXIS_HEIGHT + LaneGeometry.appBaseline(Side.CLIENT) - 4);
    }
}
