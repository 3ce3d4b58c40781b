package org.keepalivelab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A geometry for a picture of chosen lanes: it shows those and no other. */
class LaneGeometryTest {
    @Test
    void ofLanesShowsTheChosenLanesFromTheTop() {
        var geo = LaneGeometry.ofLanes(1400, 2000, 19, 3);
        assertEquals(LaneGeometry.contentHeight(3), geo.height(), "as tall as the axis and three lanes");
        assertEquals(19, geo.laneAt(LaneGeometry.AXIS_HEIGHT, 30), "lane 19 right under the axis");
        assertEquals(21, geo.laneAt(geo.height() - 1, 30), "lane 21 at the bottom");
        assertEquals(400, LaneGeometry.ofLanes(1400, 400, 19, 3).height(), "no taller than there is room for");
        assertEquals(500, LaneGeometry.ofLanes(1400, 500, 0, 0).height(), "with no lane, all the room");
    }
}
