package org.keepalivelab.ui.timeline;

/**
 * Paints a lane's detection brackets: a line under each surviving side's application row from the
 * fault to when the application learned, ticks up at both ends, a shorter tick where the kernel knew
 * (a shaded range where that is predicted), dashed where the bracket is open (the application has not
 * learned) or predicted; and its label.
 */
final class BracketPainter {
    private static final double LINE = 1.5;
    private static final double KERNEL_TICK = 6;
    private static final double RANGE_HALF = 3;
    private static final double DASH = 5;
    private static final double PREDICTED_ALPHA = 0.3;

    private BracketPainter() {
    }

    static void paint(Pen pen, LaneLayout lane) {
        var brackets = lane.brackets();
        var gc = pen.gc();
        gc.setFont(TimelineFonts.STRONG);
        for (var side : LaneLayout.SIDES) {
            int s = side.ordinal();
            if (brackets.detection(s) == null) {
                continue;
            }
            double baseline = lane.top() + lane.rows().appBaseline(side);
            double y = baseline + DetectionBrackets.DROP;
            double x0 = brackets.from(s);
            double x1 = brackets.to(s);
            gc.setFill(pen.colour(PaletteRole.DETECTION));
            if (brackets.open(s) || brackets.predicted(s)) {
                for (double x = x0; x < x1; x += 2 * DASH) {
                    pen.hline(x, Math.min(x1, x + DASH), y, LINE);
                }
            } else {
                pen.hline(x0, x1, y, LINE);
            }
            pen.vline(x0, y - DetectionBrackets.TICK, y + LINE, LINE);
            if (!brackets.open(s)) {
                pen.vline(x1, y - DetectionBrackets.TICK, y + LINE, LINE);
            }
            double k0 = brackets.kernelFrom(s);
            if (!Double.isNaN(k0)) {
                double k1 = brackets.kernelTo(s);
                if (brackets.predicted(s) && k1 - k0 >= 1) {
                    gc.setGlobalAlpha(PREDICTED_ALPHA);
                    gc.fillRect(k0, y - RANGE_HALF, k1 - k0, 2 * RANGE_HALF);
                    gc.setGlobalAlpha(1);
                }
                pen.vline(k0, y - KERNEL_TICK, y + LINE, LINE);
            }
            if (brackets.label(s) != null) {
                pen.text(brackets.label(s), brackets.labelLeft(s), baseline);
            }
        }
    }
}
