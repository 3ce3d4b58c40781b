package org.keepalivelab.ui.timeline;

/**
 * What the timeline shows at one moment, kept as it was by a reader the live view must not move under:
 * the PNG export's "visible range", taken when its dialog opens.
 *
 * @param start        the window's start, ns since the lab started
 * @param end          its end
 * @param firstConn    the connection of the first lane on screen; 0 while there is no lane
 * @param lastConn     that of the last lane on screen (lanes go in order of connection: every one
 *                     between is on screen too); 0 while there is no lane
 * @param selectedConn the highlighted lane's connection, 0 for none
 */
public record VisibleWindow(long start, long end, int firstConn, int lastConn, int selectedConn) {

    /**
     * The window {@code start..end} over {@code lanes} lanes laid out by {@code geo}. A lane is on screen
     * when its middle is: a sliver at an edge is not what the user looks at; a view shorter than a lane
     * shows the lane at its middle.
     */
    static VisibleWindow of(long start, long end, LaneGeometry geo, int lanes, int selectedConn) {
        if (lanes == 0) {
            return new VisibleWindow(start, end, 0, 0, selectedConn);
        }
        int first = geo.laneAt(LaneGeometry.AXIS_HEIGHT, lanes);
        if (first < 0) {
            first = 0;
        } else if (middle(geo, first) < LaneGeometry.AXIS_HEIGHT) {
            first++;
        }
        int last = geo.laneAt(geo.height() - 1, lanes);
        if (last < 0) {
            last = lanes - 1;
        } else if (middle(geo, last) > geo.height()) {
            last--;
        }
        if (last < first) {
            int middle = geo.laneAt((LaneGeometry.AXIS_HEIGHT + geo.height()) / 2, lanes);
            first = middle >= 0 ? middle : Math.min(first, lanes - 1);
            last = first;
        }
        return new VisibleWindow(start, end, first + 1, last + 1, selectedConn); // lane i is connection i + 1
    }

    private static double middle(LaneGeometry geo, int lane) {
        return geo.laneTop(lane) + geo.rows(lane).height() / 2;
    }
}
