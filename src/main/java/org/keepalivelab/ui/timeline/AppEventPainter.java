package org.keepalivelab.ui.timeline;

import javafx.scene.text.TextAlignment;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;

/**
 * Paints what each side's application saw: an outcome (EOF, an error) as a strong line through its
 * kernel band with its words, the other events as ticks, labelled where there was room.
 */
final class AppEventPainter {
    /** An outcome's line reaches this far above the client's baseline and below the server's. */
    private static final double OUTCOME_OVER = 10;
    private static final double OUTCOME_UNDER = 2;
    /** Another event's tick: from this far above its baseline to this far below. */
    private static final double TICK_OVER = 9;
    private static final double TICK_UNDER = 1;

    private AppEventPainter() {
    }

    static void paint(Pen pen, LaneLayout lane) {
        var gc = pen.gc();
        for (var side : LaneLayout.SIDES) {
            var row = lane.lane().app(side);
            var marks = lane.app(side);
            double baseline = lane.top() + LaneGeometry.appBaseline(side);
            double bandTop = lane.top() + LaneGeometry.bandTop(side);
            // the client's outcome runs from its words down through its band, the server's up
            double y0 = side == Side.CLIENT ? baseline - OUTCOME_OVER : bandTop;
            double y1 = side == Side.CLIENT ? bandTop + LaneGeometry.BAND_HEIGHT : baseline + OUTCOME_UNDER;
            gc.setFont(TimelineFonts.STRONG);
            for (int k = 0; k < marks.outcomes(); k++) {
                double x = marks.x(k);
                var type = row.get(marks.event(k)).event();
                gc.setFill(pen.colour(type == AppEventType.EOF ? PaletteRole.EOF : PaletteRole.ERROR));
                pen.vline(x, y0, y1, 2);
                if (marks.labelLeftOfLine(k)) {
                    gc.setTextAlign(TextAlignment.RIGHT); // near the right edge: the words go to the left of the mark
                    pen.text(marks.label(k), x - AppEventMarks.OUTCOME_GAP, baseline);
                    gc.setTextAlign(TextAlignment.LEFT);
                } else {
                    pen.text(marks.label(k), x + AppEventMarks.OUTCOME_GAP, baseline);
                }
            }
            gc.setFont(TimelineFonts.LABEL);
            for (int k = marks.outcomes(); k < marks.count(); k++) {
                double x = marks.x(k);
                gc.setFill(pen.colour(PaletteRole.MUTED));
                pen.vline(x, baseline - TICK_OVER, baseline + TICK_UNDER, 1);
                if (marks.label(k) != null) {
                    pen.text(marks.label(k), x + AppEventMarks.LABEL_INSET, baseline);
                }
            }
        }
    }
}
