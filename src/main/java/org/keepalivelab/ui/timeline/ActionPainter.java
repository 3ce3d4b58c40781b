package org.keepalivelab.ui.timeline;

/** Paints the user's actions on a lane: a dashed line down the lane each, stronger for a fault, and its words. */
final class ActionPainter {
    /** The line runs from this far below the words' baseline to this far above the lane's bottom. */
    private static final double LINE_INSET = 4;
    private static final double DASH = 4;

    private ActionPainter() {
    }

    static void paint(Pen pen, LaneLayout lane) {
        var gc = pen.gc();
        var actions = lane.actions();
        double baseline = lane.top() + LaneGeometry.ACTION_BASELINE;
        gc.setFont(TimelineFonts.STRONG);
        for (int k = 0; k < actions.count(); k++) {
            double x = Pen.snap(actions.x(k));
            gc.setStroke(pen.colour(PaletteRole.ACTION));
            gc.setGlobalAlpha(actions.fault(k) ? 0.75 : 0.45);
            gc.setLineWidth(1.2);
            gc.setLineDashes(DASH, DASH);
            gc.strokeLine(x, baseline + LINE_INSET, x, lane.top() + LaneGeometry.LANE_HEIGHT - LINE_INSET);
            gc.setLineDashes((double[]) null);
            gc.setGlobalAlpha(1);
            if (actions.label(k) != null) {
                gc.setFill(pen.colour(PaletteRole.ACTION));
                pen.text(actions.label(k), actions.x(k) + ActionMarks.LABEL_INSET, baseline);
            }
        }
    }
}
