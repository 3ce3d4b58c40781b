package org.keepalivelab.ui.timeline;

import java.util.function.IntFunction;

/**
 * What one drawing of the timeline shows.
 *
 * @param t0           the window's start, ns since the lab started
 * @param t1           the window's end
 * @param end          where the latest state bands stop: now while live, the last event for an export
 * @param showNow      draw a "now" line at {@code end}
 * @param scrollY      lanes scrolled up by this many pixels
 * @param selectedConn the highlighted lane's connection, 0 for none
 * @param laneTitle    the title of each connection's lane
 * @param highlight    a mark to ring (hovered or clicked), or {@code null}
 * @param detections   the detections to bracket
 */
public record RenderFrame(long t0, long t1, long end, boolean showNow, double scrollY, int selectedConn,
                          IntFunction<String> laneTitle, Hit highlight, LaneDetections detections) {
}
