package org.keepalivelab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The window stays within the lab: never before it started, never much past its length, never finer
 * than the kernel's timing means; live time always shows now near the right edge.
 */
class ViewportTest {
    private static final long S = 1_000_000_000L;
    private static final long LAB = 4 * 60 * S; // four minutes of data

    private final Viewport viewport = new Viewport();

    @Test
    void zoomingOutStopsATenthPastTheLabsLengthAndNeverBeforeItsStart() {
        viewport.pan(-10 * S, LAB); // paused: the window stays put while zooming
        viewport.zoom(1e9, LAB / 2, LAB);

        assertEquals(LAB + LAB / 10, viewport.span(), "a tenth past four minutes, not twenty hours");
        assertEquals(0, viewport.start(LAB), "from the lab's start, not −10 h");
        assertEquals(LAB + LAB / 10, viewport.end(LAB));
    }

    @Test
    void panningNeverGoesBeforeTheLabStartedNorPastItsEnd() {
        viewport.pan(-1000 * S, LAB);
        assertEquals(0, viewport.start(LAB));
        viewport.pan(1000 * S, LAB);
        assertEquals(LAB + LAB / 10, viewport.end(LAB));
        viewport.show(-5 * S, 30 * S);
        assertEquals(0, viewport.start(LAB), "a range from before the lab starts at 0");
    }

    @Test
    void zoomingInStopsAtTheLeastSpan() {
        viewport.zoom(1e-9, 2 * S, LAB);
        assertEquals(Viewport.MIN_SPAN, viewport.span());
        viewport.show(3 * S, 3 * S + 10);
        assertEquals(Viewport.MIN_SPAN + Viewport.MIN_SPAN / 25, viewport.span(),
                "fitting a few nanoseconds shows the least span, with the fit's margin");
    }

    @Test
    void liveAfterAnExtremeZoomOutShowsNowNearTheRightEdgeAtTheDefaultSpan() {
        viewport.pan(-S, LAB);
        viewport.zoom(1e9, LAB / 2, LAB);
        viewport.followLive();

        assertTrue(viewport.following());
        assertEquals(Viewport.DEFAULT_SPAN, viewport.span(), "following four minutes at once would barely move");
        assertNowNearTheRightEdge(LAB);
        assertNowNearTheRightEdge(LAB + 3 * S);
    }

    @Test
    void liveAfterShowingTheWholeLabFollowsTheLastStretch() {
        viewport.reach(LAB);
        viewport.show(0, LAB);
        assertFalse(viewport.following());
        viewport.followLive();
        assertEquals(Viewport.DEFAULT_SPAN, viewport.span());
        assertNowNearTheRightEdge(LAB);
    }

    @Test
    void liveShowsAYoungLabWholeGrowingWithNowAtTheRightEdge() {
        assertEquals(0, viewport.start(2 * S));
        assertEquals(Viewport.FLOOR, viewport.end(2 * S), "a young lab in its first ten seconds");
        long now = 15 * S; // younger than the default span: the whole lab, now at the right
        assertEquals(0, viewport.start(now));
        assertNowNearTheRightEdge(now);
        viewport.reach(now);
        assertTrue(viewport.span() < Viewport.DEFAULT_SPAN, "not twenty seconds with five of empty future");
        now = 60 * S;
        viewport.reach(now);
        assertEquals(Viewport.DEFAULT_SPAN, viewport.span(), "then the default span, sliding");
        assertNowNearTheRightEdge(now);
    }

    @Test
    void zoomingWhileFollowingKeepsFollowingAndScalesTheWindowShown() {
        viewport.reach(2 * S);
        viewport.zoom(0.5, S, 2 * S);
        assertTrue(viewport.following());
        assertEquals(Viewport.FLOOR / 2, viewport.span(), "half of the ten seconds shown, not of the twenty asked for");
        viewport.zoom(1e9, S, 2 * S);
        assertEquals(Viewport.FLOOR + Viewport.FLOOR / 10, viewport.span(), "a young lab zooms out to its floor and a tenth");
    }

    @Test
    void revealingAMomentInViewMovesNothingAndOneOutOfViewCentresItWithinTheLab() {
        viewport.reach(LAB);
        long version = viewport.version();
        viewport.reveal(LAB - 5 * S, LAB);
        assertTrue(viewport.following(), "a moment the live window shows: nothing moves");
        assertEquals(version, viewport.version());

        viewport.reveal(60 * S, LAB);
        assertFalse(viewport.following(), "out of view: the window goes to it and stays");
        assertEquals(Viewport.DEFAULT_SPAN, viewport.span(), "at its span");
        assertEquals(50 * S, viewport.start(LAB), "centred on it");

        viewport.reveal(S, LAB);
        assertEquals(0, viewport.start(LAB), "never before the lab's start");
    }

    private void assertNowNearTheRightEdge(long now) {
        long start = viewport.start(now);
        long end = viewport.end(now);
        double at = (now - start) / (double) (end - start);
        assertTrue(at > 0.9 && at < 1, "now at " + at + " of " + start + ".." + end);
    }
}
