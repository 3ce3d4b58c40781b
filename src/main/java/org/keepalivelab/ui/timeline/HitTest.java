package org.keepalivelab.ui.timeline;

/**
 * Finds what lies under a point of the timeline in the layout the renderer draws: a mark, band,
 * application event or action is found where it was drawn, and only there.
 */
final class HitTest {
    /** How near a mark or line the point must be, px. */
    private static final double REACH = 7;
    /** An application event is found from this far above its words' baseline to this far below. */
    private static final double APP_ABOVE = 12;
    private static final double APP_BELOW = 4;
    /** An action is found this far from the middle of its words' height. */
    private static final double ACTION_HALF_HEIGHT = 8;
    private static final double ACTION_MIDDLE_RISE = 4;

    private HitTest() {
    }

    /** The mark, band, application event or action at ({@code x}, {@code y}); {@code null} outside every lane. */
    static Hit at(TimelineLayout layout, double x, double y) {
        var geo = layout.geometry();
        var lane = layout.laneAt(y);
        if (lane == null || x < geo.plotLeft() - REACH || x > geo.plotRight() + REACH) {
            return null;
        }
        double dy = y - lane.top();
        for (var side : LaneLayout.SIDES) {
            if (Math.abs(dy - LaneGeometry.track(side)) <= LaneGeometry.TRACK_HALF) {
                var marks = lane.marks(side);
                int c = marks.at(x, REACH);
                if (c >= 0) {
                    return new Hit.Segment(lane.conn(), side, marks.segment(c));
                }
            }
            double bandTop = LaneGeometry.bandTop(side);
            if (dy >= bandTop && dy <= bandTop + LaneGeometry.BAND_HEIGHT) {
                var bands = lane.bands(side);
                int k = bands.at(x);
                if (k >= 0) {
                    return new Hit.State(lane.conn(), side, bands.band(k));
                }
            }
            double baseline = LaneGeometry.appBaseline(side);
            if (dy >= baseline - APP_ABOVE && dy <= baseline + APP_BELOW) {
                var app = lane.app(side);
                int k = app.at(x, REACH);
                if (k >= 0) {
                    return new Hit.App(lane.conn(), side, app.event(k));
                }
            }
        }
        if (Math.abs(dy - LaneGeometry.ACTION_BASELINE + ACTION_MIDDLE_RISE) <= ACTION_HALF_HEIGHT) {
            var actions = lane.actions();
            int k = actions.at(x, REACH);
            if (k >= 0) {
                return new Hit.Action(lane.conn(), actions.action(k));
            }
        }
        return new Hit.Lane(lane.conn());
    }
}
