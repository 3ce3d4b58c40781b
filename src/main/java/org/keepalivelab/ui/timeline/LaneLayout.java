package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.Side;

/**
 * One visible lane of a frame: where it is and how its rows sit (in full or compact), and per side its
 * marks, bands and application events, and its actions and the brackets of its detections.
 */
final class LaneLayout {
    /** A lane's sides, the client's first: iterated every frame, where {@code Side.values()} would copy them. */
    static final Side[] SIDES = Side.values();

    private final MarkColumns[] marks = {new MarkColumns(), new MarkColumns()};
    private final StateBands[] bands = {new StateBands(), new StateBands()};
    private final AppEventMarks[] app = {new AppEventMarks(), new AppEventMarks()};
    private final ActionMarks actions = new ActionMarks();
    private final DetectionBrackets brackets = new DetectionBrackets();
    private ConnectionLane lane;
    private int index;
    private double top;
    private LaneRows rows;

    void layOut(ConnectionLane lane, int index, TimelineLayout frame) {
        this.lane = lane;
        this.index = index;
        this.top = frame.geometry().laneTop(index);
        this.rows = frame.geometry().rows(index);
        boolean words = rows.words();
        actions.layOut(lane.actions(), frame, words);
        for (var side : SIDES) {
            marks[side.ordinal()].layOut(lane.segments(side), frame, words);
            bands[side.ordinal()].layOut(lane.states(side), frame, words);
            app[side.ordinal()].layOut(lane.app(side), frame, words);
        }
        brackets.layOut(frame.detections().of(lane.conn()), frame, rows, app);
    }

    ConnectionLane lane() {
        return lane;
    }

    int conn() {
        return lane.conn();
    }

    /** The lane's place among all lanes, 0-based. */
    int index() {
        return index;
    }

    double top() {
        return top;
    }

    /** Where the lane's rows sit: in full or compact. */
    LaneRows rows() {
        return rows;
    }

    double bottom() {
        return top + rows.height();
    }

    /** The segments {@code side} sent. */
    MarkColumns marks(Side side) {
        return marks[side.ordinal()];
    }

    StateBands bands(Side side) {
        return bands[side.ordinal()];
    }

    AppEventMarks app(Side side) {
        return app[side.ordinal()];
    }

    ActionMarks actions() {
        return actions;
    }

    /** The brackets of the lane's detections, per side. */
    DetectionBrackets brackets() {
        return brackets;
    }
}
