package org.keepalivelab.ui.timeline;

import java.util.function.IntFunction;
import javafx.scene.text.TextAlignment;

/**
 * Paints what frames the lanes' content: their backgrounds (the selected lane's apart), the gutter
 * naming each lane's rows, each lane's title over its plot, and the words of an empty timeline.
 */
final class LaneFramePainter {
    /** The gutter's names end this far left of the plot. */
    static final double GUTTER_PAD = 10;
    /** The selected lane's bar in the gutter: its width, and its inset from the lane's top and bottom. */
    private static final double BAR_WIDTH = 3;
    private static final double BAR_INSET = 4;
    private static final double COMPACT_BAR_INSET = 2;
    /** A compact lane's number: its baseline below the lane's middle. */
    private static final double COMPACT_NUMBER_DROP = 4.5;
    /** A row name's baseline below the row's middle. */
    private static final double NAME_DROP = 4;
    private static final double TITLE_INSET = 4;
    private static final double TITLE_HEIGHT = 17;
    private static final double TITLE_PAD = 6;
    private static final double TITLE_ARC = 6;

    private LaneFramePainter() {
    }

    /**
     * The plot below the last lane. Every pixel is painted once underneath: the gutters and axis by
     * their painters, the plot by the lanes' backgrounds and, below the last lane, here.
     */
    static void belowLanes(Pen pen, TimelineLayout frame) {
        var geo = frame.geometry();
        int n = frame.laneCount();
        double below = n > 0 ? frame.lane(n - 1).bottom() : LaneGeometry.AXIS_HEIGHT;
        if (below < geo.height()) {
            pen.gc().setFill(pen.colour(PaletteRole.PLOT));
            pen.gc().fillRect(geo.plotLeft(), below, geo.plotWidth(), geo.height() - below);
        }
    }

    static void background(Pen pen, LaneLayout lane, TimelineLayout frame, int selectedConn) {
        var gc = pen.gc();
        var geo = frame.geometry();
        var role = lane.conn() == selectedConn ? PaletteRole.LANE_SELECTED
                : lane.index() % 2 == 1 ? PaletteRole.LANE_ALT : PaletteRole.PLOT;
        gc.setFill(pen.colour(role));
        gc.fillRect(geo.plotLeft(), lane.top(), geo.plotWidth(), lane.rows().height());
        gc.setFill(pen.colour(PaletteRole.GRID));
        pen.hline(geo.plotLeft(), geo.plotRight(), lane.bottom(), 1);
    }

    /** The lane's title, on a translucent plate at the plot's left; none in a compact lane. */
    static void title(Pen pen, LaneLayout lane, TimelineLayout frame, IntFunction<String> laneTitle) {
        String text = laneTitle == null || !lane.rows().words() ? null : laneTitle.apply(lane.conn());
        if (text == null || text.isEmpty()) {
            return;
        }
        var gc = pen.gc();
        double left = frame.geometry().plotLeft() + TITLE_INSET;
        gc.setFont(TimelineFonts.LABEL);
        double w = TimelineFonts.width(text, TimelineFonts.LABEL) + 2 * TITLE_PAD;
        gc.setFill(pen.colour(PaletteRole.PLOT));
        gc.setGlobalAlpha(0.85);
        gc.fillRoundRect(left, lane.top() + TITLE_INSET, w, TITLE_HEIGHT, TITLE_ARC, TITLE_ARC);
        gc.setGlobalAlpha(1);
        gc.setFill(pen.colour(PaletteRole.MUTED));
        pen.text(text, left + TITLE_PAD, lane.top() + LaneRows.TITLE_BASELINE);
    }

    /**
     * The gutters left and right of the plot, over whatever spilled out of it, and each lane's number
     * and row names (a compact lane's number alone).
     */
    static void gutter(Pen pen, TimelineLayout frame, int selectedConn) {
        var gc = pen.gc();
        var geo = frame.geometry();
        gc.setFill(pen.colour(PaletteRole.BACKGROUND));
        gc.fillRect(0, LaneGeometry.AXIS_HEIGHT, geo.plotLeft(), geo.height());
        gc.fillRect(geo.plotRight(), LaneGeometry.AXIS_HEIGHT, geo.width() - geo.plotRight(), geo.height());
        gc.setTextAlign(TextAlignment.RIGHT);
        double right = geo.plotLeft() - GUTTER_PAD;
        for (int k = 0; k < frame.laneCount(); k++) {
            var lane = frame.lane(k);
            var rows = lane.rows();
            double top = lane.top();
            boolean selected = lane.conn() == selectedConn;
            if (selected) {
                double inset = rows.words() ? BAR_INSET : COMPACT_BAR_INSET;
                gc.setFill(pen.colour(PaletteRole.NOW));
                gc.fillRect(0, top + inset, BAR_WIDTH, rows.height() - 2 * inset);
            }
            gc.setFont(TimelineFonts.TITLE);
            gc.setFill(pen.colour(selected ? PaletteRole.NOW : PaletteRole.TEXT));
            double numberBaseline = rows.words() ? LaneRows.TITLE_BASELINE : rows.height() / 2 + COMPACT_NUMBER_DROP;
            pen.text("#" + lane.conn(), right, top + numberBaseline);
            gc.setFill(pen.colour(PaletteRole.GRID));
            pen.hline(0, geo.plotLeft(), lane.bottom(), 1);
            if (!rows.words()) {
                continue;
            }
            for (var side : LaneLayout.SIDES) {
                gc.setFont(TimelineFonts.STRONG);
                gc.setFill(pen.colour(PaletteRole.TEXT));
                pen.text(side.label(), right, top + rows.track(side) + NAME_DROP);
                gc.setFont(TimelineFonts.LABEL);
                gc.setFill(pen.colour(PaletteRole.MUTED));
                double bandMiddle = top + rows.bandTop(side) + rows.bandHeight() / 2 + NAME_DROP;
                pen.text("kernel", right, bandMiddle);
                pen.text("app", right, top + rows.appBaseline(side));
            }
        }
        gc.setTextAlign(TextAlignment.LEFT);
    }

    static void empty(Pen pen, TimelineLayout frame) {
        var gc = pen.gc();
        var geo = frame.geometry();
        gc.setFill(pen.colour(PaletteRole.MUTED));
        gc.setFont(TimelineFonts.TITLE);
        gc.setTextAlign(TextAlignment.CENTER);
        pen.text("No connection yet: press Connect.", geo.plotLeft() + geo.plotWidth() / 2, LaneGeometry.AXIS_HEIGHT + 60);
    }
}
