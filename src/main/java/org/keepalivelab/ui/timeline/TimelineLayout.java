package org.keepalivelab.ui.timeline;

import java.util.Arrays;

/**
 * What a frame of the timeline draws where: the time axis's ticks and the visible lanes, each with its
 * marks, bands, application events and actions and the labels that fit, projected from the window
 * into pixels in reused primitive arrays, and the brackets of the detections explained. The painters draw it and the hit test reads it, so what the
 * mouse finds is what was drawn. Laid out again only when the model, the canvas or the window changed.
 */
final class TimelineLayout {
    private final AxisTicks ticks = new AxisTicks();
    private LaneLayout[] lanes = new LaneLayout[0];
    private int laneCount;
    private int totalLanes;
    private TimelineModel model;
    private int modelVersion;
    private LaneGeometry geo;
    private LaneDetections detections = LaneDetections.NONE;
    private long t0;
    private long t1;
    private long end;
    private double scale;

    /**
     * Lays out {@code model} on {@code geo} for the window {@code t0..t1}, the latest bands reaching
     * {@code end}, with the brackets of {@code detections}; does nothing if that is what it holds already.
     */
    void update(TimelineModel model, LaneGeometry geo, long t0, long t1, long end, LaneDetections detections) {
        if (model == this.model && model.version() == modelVersion && model.lanes().size() == totalLanes
                && geo.equals(this.geo) && t0 == this.t0 && t1 == this.t1 && end == this.end
                && detections == this.detections) {
            return;
        }
        this.detections = detections;
        this.model = model;
        this.modelVersion = model.version();
        this.geo = geo;
        this.t0 = t0;
        this.t1 = t1;
        this.end = end;
        this.scale = geo.plotWidth() / Math.max(1, t1 - t0);
        ticks.layOut(this);
        var all = model.lanes();
        totalLanes = all.size();
        int first = Math.max(0, geo.laneAt(LaneGeometry.AXIS_HEIGHT, totalLanes));
        int last = all.isEmpty() ? -1 : geo.laneAt(geo.height() - 1, totalLanes);
        if (last < 0) {
            last = totalLanes - 1;
        }
        laneCount = Math.max(0, last - first + 1);
        if (lanes.length < laneCount) {
            int had = lanes.length;
            lanes = Arrays.copyOf(lanes, laneCount);
            for (int k = had; k < laneCount; k++) {
                lanes[k] = new LaneLayout();
            }
        }
        for (int k = 0; k < laneCount; k++) {
            lanes[k].layOut(all.get(first + k), first + k, this);
        }
    }

    /** The pixel column of time {@code t}. */
    double x(long t) {
        return geo.plotLeft() + (t - t0) * scale;
    }

    /** Pixels per nanosecond. */
    double scale() {
        return scale;
    }

    LaneGeometry geometry() {
        return geo;
    }

    long t0() {
        return t0;
    }

    long t1() {
        return t1;
    }

    /** Where the latest state bands stop. */
    long end() {
        return end;
    }

    /** The detections the lanes bracket. */
    LaneDetections detections() {
        return detections;
    }

    AxisTicks ticks() {
        return ticks;
    }

    /** How many lanes the model has, visible or not. */
    int totalLanes() {
        return totalLanes;
    }

    /** How many lanes are laid out: those the canvas shows. */
    int laneCount() {
        return laneCount;
    }

    LaneLayout lane(int k) {
        return lanes[k];
    }

    /** The laid-out lane at {@code y}, or {@code null}. */
    LaneLayout laneAt(double y) {
        int index = geo.laneAt(y, totalLanes);
        int k = laneCount == 0 ? -1 : index - lanes[0].index();
        return k >= 0 && k < laneCount ? lanes[k] : null;
    }
}
