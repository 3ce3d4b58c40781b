package org.keepalivelab.ui.timeline;

/**
 * Paints the segments each side sent: first every connector (from the sender's track towards the
 * receiver's), then every mark over them, with its cross where a sever dropped a segment (half way to
 * the receiver, or on the mark in a compact lane) and its bytes where they fit.
 */
final class SegmentPainter {
    /** A connector leaves this far from its sender's track, and stops this far short of the receiver's. */
    private static final double CONNECTOR_START = 8;
    private static final double CONNECTOR_STOP = 7;
    /** A dropped segment's connector stops this far short of the cross, half way. */
    private static final double DROPPED_STOP = 6;
    private static final double DASH = 3;
    private static final double DASH_PERIOD = 6;
    private static final double ARROW_HALF_WIDTH = 3;
    private static final double ARROW_LENGTH = 4;
    /** A byte label's baseline below its track. */
    private static final double LABEL_DROP = 4;

    private SegmentPainter() {
    }

    /** The connectors, where the sides have a track each (not in a compact lane). */
    static void connectors(Pen pen, LaneLayout lane) {
        if (!lane.rows().twoTracks()) {
            return;
        }
        for (var side : LaneLayout.SIDES) {
            var marks = lane.marks(side);
            double y = lane.top() + lane.rows().track(side);
            double peerY = lane.top() + lane.rows().track(side.peer());
            for (int c = 0; c < marks.count(); c++) {
                if (marks.connector(c)) {
                    connector(pen, marks.mark(c), marks.dropped(c), marks.x(c), y, peerY, marks.arrow(c));
                }
            }
        }
    }

    /**
     * A vertical line from the sender's track towards the receiver's, dashed and stopping short where a
     * sever dropped the segment. Drawn as rectangles, which the software pipeline fills without
     * rasterising a path; the arrowhead only where it has room.
     */
    private static void connector(Pen pen, MarkKind mark, boolean dropped, double x, double y, double peerY,
                                  boolean arrow) {
        var gc = pen.gc();
        double dir = Math.signum(peerY - y);
        double from = y + dir * CONNECTOR_START;
        double to = dropped ? (y + peerY) / 2 - dir * DROPPED_STOP : peerY - dir * CONNECTOR_STOP;
        double top = Math.min(from, to);
        double bottom = Math.max(from, to);
        double width = MarkColumns.isStrong(mark) ? 1.6 : 1.1;
        double left = Pen.snap(x) - width / 2;
        var colour = dropped ? pen.colour(PaletteRole.DROPPED) : pen.palette().mark(mark);
        gc.setFill(colour);
        gc.setGlobalAlpha(mark == MarkKind.ACK || mark == MarkKind.WINDOW_UPDATE ? 0.3 : 0.55);
        if (dropped) {
            for (double dash = top; dash < bottom; dash += DASH_PERIOD) {
                gc.fillRect(left, dash, width, Math.min(DASH, bottom - dash));
            }
        } else {
            gc.fillRect(left, top, width, bottom - top);
            if (arrow) {
                double sx = Pen.snap(x);
                gc.setStroke(colour);
                gc.setLineWidth(width);
                gc.strokeLine(sx, to, sx - ARROW_HALF_WIDTH, to - dir * ARROW_LENGTH);
                gc.strokeLine(sx, to, sx + ARROW_HALF_WIDTH, to - dir * ARROW_LENGTH);
            }
        }
        gc.setGlobalAlpha(1);
    }

    static void marks(Pen pen, LaneLayout lane) {
        var gc = pen.gc();
        double crossY = lane.top() + lane.rows().dropped();
        for (var side : LaneLayout.SIDES) {
            var marks = lane.marks(side);
            double y = lane.top() + lane.rows().track(side);
            for (int c = 0; c < marks.count(); c++) {
                double x = marks.x(c);
                pen.mark(marks.mark(c), x, y);
                if (marks.dropped(c)) {
                    pen.dropped(x, crossY);
                }
                if (marks.label(c) != null) {
                    gc.setFont(TimelineFonts.LABEL);
                    gc.setFill(pen.colour(PaletteRole.TEXT));
                    pen.text(marks.label(c), MarkColumns.labelX(x), y + LABEL_DROP);
                }
            }
        }
    }
}
