package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.AppEventType;

/**
 * Paints what each side's application saw: an outcome (EOF, an error) as a strong line through its
 * kernel band with its words, the other events as ticks, labelled where there was room.
 */
final class AppEventPainter {
    /** Another event's tick: from this far above its baseline to this far below. */
    private static final double TICK_OVER = 9;
    private static final double TICK_UNDER = 1;

    private AppEventPainter() {
    }

    static void paint(Pen pen, LaneLayout lane) {
        var gc = pen.gc();
        var rows = lane.rows();
        for (var side : LaneLayout.SIDES) {
            var row = lane.lane().app(side);
            var marks = lane.app(side);
            double baseline = lane.top() + rows.appBaseline(side);
            double y0 = lane.top() + rows.outcomeTop(side);
            double y1 = lane.top() + rows.outcomeBottom(side);
            gc.setFont(TimelineFonts.STRONG);
            for (int k = 0; k < marks.outcomes(); k++) {
                var type = row.get(marks.event(k)).event();
                gc.setFill(pen.colour(type == AppEventType.EOF ? PaletteRole.EOF : PaletteRole.ERROR));
                pen.vline(marks.x(k), y0, y1, 2);
                pen.words(marks, k, baseline);
            }
            gc.setFont(TimelineFonts.LABEL);
            for (int k = marks.outcomes(); k < marks.count(); k++) {
                gc.setFill(pen.colour(PaletteRole.MUTED));
                pen.vline(marks.x(k), baseline - TICK_OVER, baseline + TICK_UNDER, 1);
                pen.words(marks, k, baseline);
            }
        }
    }
}
