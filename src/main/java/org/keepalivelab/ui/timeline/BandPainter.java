package org.keepalivelab.ui.timeline;

/**
 * Paints each side's kernel state bands: coloured by state, a line where one starts, its label where it
 * fits; a state inferred from a capture's segments paler, under a dashed line, as no kernel was asked.
 */
final class BandPainter {
    private static final double START_ALPHA = 0.6;
    /** How strong an inferred state's colour is: paler than a sampled one. */
    static final double INFERRED_ALPHA = 0.45;
    /** A label's baseline above its band's bottom. */
    private static final double LABEL_LIFT = 5;

    private BandPainter() {
    }

    /** The dashed line along an inferred band's top, which the legend shows too. */
    static void dashedTop(Pen pen, double x0, double x1, double y) {
        var gc = pen.gc();
        gc.setStroke(pen.colour(PaletteRole.MUTED));
        gc.setLineWidth(1);
        gc.setLineDashes(3, 3);
        gc.strokeLine(x0, y + 0.5, x1, y + 0.5);
        gc.setLineDashes((double[]) null);
    }

    static void paint(Pen pen, LaneLayout lane, TimelineLayout frame) {
        var gc = pen.gc();
        double height = lane.rows().bandHeight();
        for (var side : LaneLayout.SIDES) {
            var row = lane.lane().states(side);
            var bands = lane.bands(side);
            double y = lane.top() + lane.rows().bandTop(side);
            for (int k = 0; k < bands.count(); k++) {
                double x0 = bands.x0(k);
                boolean inferred = row.inferred(bands.band(k));
                gc.setFill(pen.palette().state(row.state(bands.band(k))));
                gc.setGlobalAlpha(inferred ? INFERRED_ALPHA : 1);
                gc.fillRect(x0, y, Math.max(1, bands.x1(k) - x0), height);
                gc.setGlobalAlpha(1);
                if (inferred) {
                    dashedTop(pen, x0, bands.x1(k), y);
                }
                if (bands.startsHere(k)) {
                    gc.setFill(pen.colour(PaletteRole.MUTED));
                    gc.setGlobalAlpha(START_ALPHA);
                    pen.vline(x0, y, y + height, 1);
                    gc.setGlobalAlpha(1);
                }
                if (bands.label(k) != null) {
                    gc.setFont(TimelineFonts.LABEL);
                    gc.setFill(pen.colour(PaletteRole.STATE_TEXT));
                    pen.text(bands.label(k), Math.max(x0, frame.geometry().plotLeft()) + StateBands.LABEL_INSET,
                            y + height - LABEL_LIFT);
                }
            }
        }
    }
}
