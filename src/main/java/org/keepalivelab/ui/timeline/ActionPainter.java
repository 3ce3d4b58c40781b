package org.keepalivelab.ui.timeline;

/**
 * Paints the user's actions on a lane: a dashed line down the lane each, stronger for a fault, and its
 * words, right of the line or, near the plot's right edge, left of it.
 */
final class ActionPainter {
    private static final double DASH = 4;

    private ActionPainter() {
    }

    static void paint(Pen pen, LaneLayout lane) {
        var gc = pen.gc();
        var actions = lane.actions();
        var rows = lane.rows();
        double baseline = lane.top() + rows.actionBaseline();
        gc.setFont(TimelineFonts.STRONG);
        for (int k = 0; k < actions.count(); k++) {
            double x = Pen.snap(actions.x(k));
            gc.setStroke(pen.colour(PaletteRole.ACTION));
            gc.setGlobalAlpha(actions.fault(k) ? 0.75 : 0.45);
            gc.setLineWidth(1.2);
            gc.setLineDashes(DASH, DASH);
            gc.strokeLine(x, lane.top() + rows.actionLineTop(), x, lane.top() + rows.actionLineBottom());
            gc.setLineDashes((double[]) null);
            gc.setGlobalAlpha(1);
            gc.setFill(pen.colour(PaletteRole.ACTION));
            pen.words(actions, k, baseline);
        }
    }
}
