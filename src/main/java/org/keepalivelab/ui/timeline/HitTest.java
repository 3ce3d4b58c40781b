package org.keepalivelab.ui.timeline;

/**
 * Finds what lies under a point of the timeline in the layout the renderer draws: a mark, band,
 * application event or action is found where it was drawn, and only there, and where one is drawn
 * over another the one on top is found. Top first, as the painters go bottom up: the applications'
 * events (an outcome's line crosses its band), the brackets of detections below their words, then per side (the server's drawn last) a sever's cross,
 * the marks and their byte counts, the connectors, then the bands, and last the user's actions, whose
 * lines run down the whole lane.
 */
final class HitTest {
    /** How near a mark or the words of an event the point must be, px. */
    private static final double REACH = 7;
    /** How near a line drawn across other marks (an outcome's, a connector, an action's) the point must be. */
    private static final double LINE_REACH = 4;
    /** How near a row of words' middle the point must be. */
    private static final double WORDS_HALF_HEIGHT = 8;
    /** How near a sever's cross's middle the point must be: about its half height. */
    private static final double CROSS_HALF = 6;
    /** A thin band is found this far around it too. */
    private static final double BAND_MARGIN = 1;
    /** Where a connector leaves its sender's track and ends short of the receiver's, as drawn. */
    private static final double CONNECTOR_INSET = 7;

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
        Hit hit = app(lane, x, dy);
        if (hit == null) {
            hit = bracket(lane, x, dy);
        }
        if (hit == null) {
            hit = segment(lane, x, dy);
        }
        if (hit == null) {
            hit = band(lane, x, dy);
        }
        if (hit == null) {
            hit = action(lane, x, dy);
        }
        return hit != null ? hit : new Hit.Lane(lane.conn());
    }

    private static Hit app(LaneLayout lane, double x, double dy) {
        var rows = lane.rows();
        for (int s = LaneLayout.SIDES.length - 1; s >= 0; s--) {
            var side = LaneLayout.SIDES[s];
            var app = lane.app(side);
            int k = -1;
            if (Math.abs(dy - rows.appMiddle(side)) <= WORDS_HALF_HEIGHT && rows.words()) {
                k = app.at(x, REACH);
            }
            if (k < 0 && dy >= rows.outcomeTop(side) && dy <= rows.outcomeBottom(side)) {
                k = app.outcomeLineAt(x, LINE_REACH);
            }
            if (k >= 0) {
                return new Hit.App(lane.conn(), side, app.event(k));
            }
        }
        return null;
    }

    /** A bracket, found on its line and ticks, or on its label where the application's words do not cover it. */
    private static Hit bracket(LaneLayout lane, double x, double dy) {
        var rows = lane.rows();
        var brackets = lane.brackets();
        for (var side : LaneLayout.SIDES) {
            double line = rows.appBaseline(side) + DetectionBrackets.DROP;
            if (dy >= line - DetectionBrackets.TICK && dy <= line + LINE_REACH && brackets.covers(side.ordinal(), x, LINE_REACH)) {
                return new Hit.Bracket(lane.conn(), brackets.detection(side.ordinal()));
            }
        }
        return null;
    }

    private static Hit segment(LaneLayout lane, double x, double dy) {
        var rows = lane.rows();
        for (int s = LaneLayout.SIDES.length - 1; s >= 0; s--) {
            var side = LaneLayout.SIDES[s];
            var marks = lane.marks(side);
            if (Math.abs(dy - rows.dropped()) <= CROSS_HALF) {
                int c = marks.droppedAt(x, REACH);
                if (c >= 0) {
                    return new Hit.Segment(lane.conn(), side, marks.droppedSegment(c));
                }
            }
            if (Math.abs(dy - rows.track(side)) <= rows.trackHalf()) {
                int c = marks.at(x, REACH);
                if (c < 0 && rows.words()) {
                    c = marks.labelAt(x);
                }
                if (c >= 0) {
                    return new Hit.Segment(lane.conn(), side, marks.segment(c));
                }
            }
            if (rows.twoTracks() && between(dy, rows.track(side), rows.track(side.peer()))) {
                int c = marks.at(x, LINE_REACH);
                if (c >= 0 && marks.connector(c)) {
                    int segment = marks.dropped(c) ? marks.droppedSegment(c) : marks.segment(c);
                    return new Hit.Segment(lane.conn(), side, segment);
                }
            }
        }
        return null;
    }

    /** Whether {@code dy} lies on a connector from the track at {@code from} towards the one at {@code to}. */
    private static boolean between(double dy, double from, double to) {
        return dy >= Math.min(from, to) + CONNECTOR_INSET && dy <= Math.max(from, to) - CONNECTOR_INSET;
    }

    private static Hit band(LaneLayout lane, double x, double dy) {
        var rows = lane.rows();
        for (var side : LaneLayout.SIDES) {
            double top = rows.bandTop(side) - (rows.words() ? 0 : BAND_MARGIN);
            double bottom = rows.bandTop(side) + rows.bandHeight() + (rows.words() ? 0 : BAND_MARGIN);
            if (dy >= top && dy <= bottom) {
                var bands = lane.bands(side);
                int k = bands.at(x);
                if (k >= 0) {
                    return new Hit.State(lane.conn(), side, bands.band(k));
                }
            }
        }
        return null;
    }

    private static Hit action(LaneLayout lane, double x, double dy) {
        var rows = lane.rows();
        var actions = lane.actions();
        int k = -1;
        if (rows.words() && Math.abs(dy - rows.actionMiddle()) <= WORDS_HALF_HEIGHT) {
            k = actions.at(x, REACH);
        }
        if (k < 0 && dy >= rows.actionLineTop() && dy <= rows.actionLineBottom()) {
            k = actions.lineAt(0, actions.count(), x, LINE_REACH);
        }
        return k >= 0 ? new Hit.Action(lane.conn(), actions.action(k)) : null;
    }
}
