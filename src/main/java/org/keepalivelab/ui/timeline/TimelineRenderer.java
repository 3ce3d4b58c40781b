package org.keepalivelab.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Draws the timeline: lays out what the window shows ({@link TimelineLayout}), then has each painter
 * draw its part of it, lane by lane: actions, state bands, connectors, marks, application events, the
 * brackets of detections, the highlight and the lane's title; then the gutter and the axis over
 * whatever spilled out of the plot.
 * Used by the live view and, on an offscreen canvas, by the PNG export. The layout it drew last is
 * the one the hit test reads.
 */
public final class TimelineRenderer {
    private final TimelineLayout layout = new TimelineLayout();
    private final Pen pen = new Pen();

    /**
     * The layout of {@code model} on {@code geo} for the window {@code t0..t1} (the latest bands
     * reaching {@code end}) with {@code detections}' brackets, as a frame of it draws it: laid out anew
     * only if any of them changed.
     */
    TimelineLayout layOut(TimelineModel model, LaneGeometry geo, long t0, long t1, long end, LaneDetections detections) {
        layout.update(model, geo, t0, t1, end, detections);
        return layout;
    }

    /** Draws {@code model} as {@code frame} says onto {@code gc}, which covers {@code geo}'s size. */
    public void draw(GraphicsContext gc, LaneGeometry geo, TimelineModel model, RenderFrame frame,
                     TimelinePalette palette) {
        layOut(model, geo, frame.t0(), frame.t1(), frame.end(), frame.detections());
        pen.begin(gc, palette);
        gc.save();
        gc.setTextBaseline(VPos.BASELINE);
        gc.setTextAlign(TextAlignment.LEFT);
        LaneFramePainter.belowLanes(pen, layout);
        // No clip: the gutters and the axis, painted last, cover whatever spills out of the plot. A
        // clip would cost an allocation per shape in the canvas's renderer.
        for (int k = 0; k < layout.laneCount(); k++) {
            LaneFramePainter.background(pen, layout.lane(k), layout, frame.selectedConn());
        }
        AxisPainter.grid(pen, layout);
        for (int k = 0; k < layout.laneCount(); k++) {
            var lane = layout.lane(k);
            ActionPainter.paint(pen, lane);
            BandPainter.paint(pen, lane, layout);
            SegmentPainter.connectors(pen, lane);
            SegmentPainter.marks(pen, lane);
            BracketPainter.paint(pen, lane); // under the application's marks: an outcome's line stays whole
            AppEventPainter.paint(pen, lane);
            HighlightPainter.paint(pen, lane, layout, frame.highlight());
            LaneFramePainter.title(pen, lane, layout, frame.laneTitle());
        }
        if (frame.showNow()) {
            AxisPainter.nowLine(pen, layout);
        }
        gc.restore();
        gc.save();
        LaneFramePainter.gutter(pen, layout, frame.selectedConn());
        AxisPainter.axis(pen, layout, frame.showNow());
        if (layout.totalLanes() == 0) {
            LaneFramePainter.empty(pen, layout);
        }
        gc.restore();
    }
}
