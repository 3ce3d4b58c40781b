package org.keepalivelab.ui.timeline;

/**
 * Where things sit in the timeline's drawing, in pixels: the gutter with row names, the time axis on
 * top, and the lanes below it, scrolled up by {@code scrollY}, each as tall as {@code heights} says
 * (inside a lane, its {@link LaneRows}). The renderer and the hit test share it.
 */
public record LaneGeometry(double width, double height, double scrollY, LaneHeights heights) {
    public static final double GUTTER = 92;
    public static final double RIGHT_MARGIN = 14;
    public static final double AXIS_HEIGHT = 30;
    /** A full lane's height. */
    public static final double LANE_HEIGHT = LaneRows.FULL.height();

    /** Every lane in full. */
    public LaneGeometry(double width, double height, double scrollY) {
        this(width, height, scrollY, LaneHeights.FULL);
    }

    public double plotLeft() {
        return GUTTER;
    }

    public double plotRight() {
        return width - RIGHT_MARGIN;
    }

    public double plotWidth() {
        return Math.max(1, plotRight() - plotLeft());
    }

    /** The top of lane {@code index} (0-based). */
    public double laneTop(int index) {
        return AXIS_HEIGHT + heights.top(index) - scrollY;
    }

    /** Where the rows of lane {@code index} sit inside it. */
    LaneRows rows(int index) {
        return heights.rows(index);
    }

    /** The lane at {@code y}, or -1. */
    public int laneAt(double y, int lanes) {
        return y < AXIS_HEIGHT ? -1 : heights.at(y + scrollY - AXIS_HEIGHT, lanes);
    }

    /** Total height of {@code lanes} lanes and the axis as laid out here, for the scroll bar. */
    double content(int lanes) {
        return AXIS_HEIGHT + heights.top(lanes);
    }

    /**
     * The geometry that shows {@code count} lanes from lane {@code first} (0-based) and no other, in
     * full: scrolled to it and as tall as the axis and those lanes, at most {@code maxHeight} (with no
     * lane, that).
     */
    public static LaneGeometry ofLanes(double width, double maxHeight, int first, int count) {
        return new LaneGeometry(width, count == 0 ? maxHeight : Math.min(maxHeight, contentHeight(count)),
                first * LANE_HEIGHT);
    }

    /** Total height of {@code lanes} full lanes and the axis. */
    public static double contentHeight(int lanes) {
        return AXIS_HEIGHT + lanes * LANE_HEIGHT;
    }
}
