package org.keepalivelab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which lanes a view shows: those whose middle is on screen. */
class VisibleWindowTest {
    private static final double LANE = LaneGeometry.LANE_HEIGHT;

    @Test
    void theLanesWhoseMiddleIsOnScreen() {
        assertEquals(new VisibleWindow(1, 2, 20, 23, 7), lanes(800, 19 * LANE, 30, 7), "lane 20 at the top, four whole");
        assertEquals(new VisibleWindow(1, 2, 20, 23, 7), lanes(800, 19 * LANE - 50, 30, 7),
                "a sliver of lane 19 above and of lane 24 below does not count");
        assertEquals(new VisibleWindow(1, 2, 27, 30, 7), lanes(800, 26 * LANE, 30, 7), "no lane past the last");
    }

    @Test
    void aViewShorterThanALaneShowsTheLaneAtItsMiddle() {
        assertEquals(new VisibleWindow(1, 2, 20, 20, 0), lanes(100, 19 * LANE, 30, 0));
        assertEquals(new VisibleWindow(1, 2, 1, 1, 0), lanes(100, 0, 30, 0));
    }

    @Test
    void noLaneYet() {
        assertEquals(new VisibleWindow(1, 2, 0, 0, 0), lanes(800, 0, 0, 0));
    }

    private static VisibleWindow lanes(double height, double scrollY, int lanes, int selected) {
        return VisibleWindow.of(1, 2, new LaneGeometry(1400, height, scrollY), lanes, selected);
    }
}
