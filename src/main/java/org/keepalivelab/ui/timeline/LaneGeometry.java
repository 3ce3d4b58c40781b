package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.Side;

/**
 * Where things sit in the timeline's drawing, in pixels: the gutter with row names, the time axis on
 * top, and inside each lane (offsets from the lane's top) the title, action, application, band and
 * track lines of the client above and the server below. The renderer and the hit test share it.
 */
public record LaneGeometry(double width, double height, double scrollY) {
    public static final double GUTTER = 92;
    public static final double RIGHT_MARGIN = 14;
    public static final double AXIS_HEIGHT = 30;
    public static final double LANE_HEIGHT = 184;

    static final double TITLE_BASELINE = 17;
    static final double ACTION_BASELINE = 33;
    static final double CLIENT_APP_BASELINE = 49;
    static final double CLIENT_BAND_TOP = 55;
    static final double SERVER_BAND_TOP = 139;
    static final double BAND_HEIGHT = 17;
    static final double CLIENT_TRACK = 87;
    static final double SERVER_TRACK = 125;
    static final double SERVER_APP_BASELINE = 172;
    static final double TRACK_HALF = 10;

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
        return AXIS_HEIGHT + index * LANE_HEIGHT - scrollY;
    }

    /** The lane at {@code y}, or -1. */
    public int laneAt(double y, int lanes) {
        if (y < AXIS_HEIGHT) {
            return -1;
        }
        int index = (int) Math.floor((y + scrollY - AXIS_HEIGHT) / LANE_HEIGHT);
        return index >= 0 && index < lanes ? index : -1;
    }

    /**
     * The geometry that shows {@code count} lanes from lane {@code first} (0-based) and no other: scrolled
     * to it and as tall as the axis and those lanes, at most {@code maxHeight} (with no lane, that).
     */
    public static LaneGeometry ofLanes(double width, double maxHeight, int first, int count) {
        return new LaneGeometry(width, count == 0 ? maxHeight : Math.min(maxHeight, contentHeight(count)),
                first * LANE_HEIGHT);
    }

    /** Total height of {@code lanes} lanes and the axis, for the scroll bar. */
    public static double contentHeight(int lanes) {
        return AXIS_HEIGHT + lanes * LANE_HEIGHT;
    }

    static double track(Side side) {
        return side == Side.CLIENT ? CLIENT_TRACK : SERVER_TRACK;
    }

    static double bandTop(Side side) {
        return side == Side.CLIENT ? CLIENT_BAND_TOP : SERVER_BAND_TOP;
    }

    static double appBaseline(Side side) {
        return side == Side.CLIENT ? CLIENT_APP_BASELINE : SERVER_APP_BASELINE;
    }
}
