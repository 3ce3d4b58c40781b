package org.keepalivelab.ui.timeline;

/**
 * One layout pass of the timeline view, without JavaFX's toolkit: what a frame works out before its
 * painters draw (the lanes in view, their merged marks, bands and labels). For benchmarks that run
 * where no toolkit starts, and to time what the store's reads cost a frame.
 */
public final class LayoutPass {
    private final TimelineLayout layout = new TimelineLayout();

    /**
     * Lays out {@code model} on a {@code width}×{@code height} canvas scrolled to lane {@code firstLane}
     * (0-based) for the window {@code t0..t1}; returns how long it took, in nanoseconds.
     */
    public long run(TimelineModel model, double width, double height, int firstLane, long t0, long t1) {
        var geo = new LaneGeometry(width, height, firstLane * LaneGeometry.LANE_HEIGHT);
        long start = System.nanoTime();
        layout.update(model, geo, t0, t1, model.lastT(), LaneDetections.NONE);
        return System.nanoTime() - start;
    }

    /** How many lanes the last pass laid out. */
    public int lanes() {
        return layout.laneCount();
    }
}
