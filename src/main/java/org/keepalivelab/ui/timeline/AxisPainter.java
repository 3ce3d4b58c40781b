package org.keepalivelab.ui.timeline;

import javafx.scene.text.TextAlignment;

/** Paints the time axis on top, the grid's lines down the plot and the "now" line. */
final class AxisPainter {
    private static final double TICK_LENGTH = 5;
    /** The tick labels' and "time →"'s baseline, above the axis line. */
    private static final double LABEL_RISE = 10;
    private static final double NOW_BASELINE = 11;

    private AxisPainter() {
    }

    static void grid(Pen pen, TimelineLayout frame) {
        var ticks = frame.ticks();
        pen.gc().setFill(pen.colour(PaletteRole.GRID));
        for (int k = 0; k < ticks.count(); k++) {
            pen.vline(ticks.x(k), LaneGeometry.AXIS_HEIGHT, frame.geometry().height(), 1);
        }
    }

    static void nowLine(Pen pen, TimelineLayout frame) {
        pen.gc().setFill(pen.colour(PaletteRole.NOW));
        pen.vline(frame.x(frame.end()), LaneGeometry.AXIS_HEIGHT, frame.geometry().height(), 1.5);
    }

    /** The axis band, over whatever spilled out of the plot: ticks, their labels, "time →" and "now". */
    static void axis(Pen pen, TimelineLayout frame, boolean showNow) {
        var gc = pen.gc();
        var geo = frame.geometry();
        gc.setFill(pen.colour(PaletteRole.BACKGROUND));
        gc.fillRect(0, 0, geo.width(), LaneGeometry.AXIS_HEIGHT);
        gc.setFill(pen.colour(PaletteRole.GRID));
        pen.hline(0, geo.width(), LaneGeometry.AXIS_HEIGHT, 1);
        gc.setFont(TimelineFonts.LABEL);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setFill(pen.colour(PaletteRole.MUTED));
        var ticks = frame.ticks();
        for (int k = 0; k < ticks.count(); k++) {
            if (ticks.label(k) != null) {
                pen.vline(ticks.x(k), LaneGeometry.AXIS_HEIGHT - TICK_LENGTH, LaneGeometry.AXIS_HEIGHT, 1);
                pen.text(ticks.label(k), ticks.labelX(k), LaneGeometry.AXIS_HEIGHT - LABEL_RISE);
            }
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        pen.text("time →", geo.plotLeft() - LaneFramePainter.GUTTER_PAD, LaneGeometry.AXIS_HEIGHT - LABEL_RISE);
        gc.setTextAlign(TextAlignment.LEFT);
        if (showNow) {
            double x = frame.x(frame.end());
            if (x >= geo.plotLeft() && x <= geo.plotRight()) {
                gc.setFill(pen.colour(PaletteRole.NOW));
                gc.setFont(TimelineFonts.STRONG);
                gc.setTextAlign(TextAlignment.CENTER);
                pen.text("now", x, NOW_BASELINE);
            }
        }
    }
}
