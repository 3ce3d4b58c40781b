package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.SegmentRow;
import org.keepalivelab.model.Side;

/** Finds what lies under a point of the timeline, with the same geometry the renderer draws with. */
final class HitTest {
    private static final double REACH = 7;

    private HitTest() {
    }

    /** The mark, band, application event or action at ({@code x}, {@code y}); {@code null} outside every lane. */
    static Hit at(TimelineModel model, LaneGeometry geo, long t0, long t1, long end, double x, double y) {
        int index = geo.laneAt(y, model.lanes().size());
        if (index < 0 || x < geo.plotLeft() - REACH || x > geo.plotRight() + REACH) {
            return null;
        }
        var lane = model.lanes().get(index);
        double dy = y - geo.laneTop(index);
        double nanosPerPixel = (t1 - t0) / geo.plotWidth();
        long t = t0 + (long) ((x - geo.plotLeft()) * nanosPerPixel);
        long reach = (long) (REACH * nanosPerPixel);
        for (var side : Side.values()) {
            if (Math.abs(dy - LaneGeometry.track(side)) <= LaneGeometry.TRACK_HALF) {
                int i = nearestSegment(lane.segments(side), t, reach);
                if (i >= 0) {
                    return new Hit.Segment(lane.conn(), side, i);
                }
            }
            double bandTop = LaneGeometry.bandTop(side);
            if (dy >= bandTop && dy <= bandTop + LaneGeometry.BAND_HEIGHT) {
                var states = lane.states(side);
                int i = states.at(t);
                if (i >= 0 && (i + 1 < states.size() || t <= end)) {
                    return new Hit.State(lane.conn(), side, i);
                }
            }
            double baseline = LaneGeometry.appBaseline(side);
            if (dy >= baseline - 12 && dy <= baseline + 4) {
                int i = nearestApp(lane.app(side), geo, t0, t1, nanosPerPixel, x);
                if (i >= 0) {
                    return new Hit.App(lane.conn(), side, i);
                }
            }
        }
        if (Math.abs(dy - LaneGeometry.ACTION_BASELINE + 4) <= 8) {
            var actions = lane.actions();
            for (int i = actions.size() - 1; i >= 0; i--) {
                long at = actions.get(i).t();
                double width = TimelineRenderer.textWidth(TimelineRenderer.actionWords(actions.get(i)), 11.5);
                if (t >= at - reach && t <= at + (long) (width * nanosPerPixel)) {
                    return new Hit.Action(lane.conn(), i);
                }
            }
        }
        return new Hit.Lane(lane.conn());
    }

    /** The segment nearest {@code t} within {@code reach}, preferring the most telling mark. */
    private static int nearestSegment(SegmentRow row, long t, long reach) {
        int lo = row.firstAtOrAfter(t - reach);
        int hi = row.firstAfter(t + reach);
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        int bestPriority = -1;
        for (int i = lo; i < hi && i < lo + 4096; i++) {
            long distance = Math.abs(row.t(i) - t);
            int priority = MarkKind.of(row, i).priority();
            if (priority > bestPriority || priority == bestPriority && distance < bestDistance) {
                best = i;
                bestDistance = distance;
                bestPriority = priority;
            }
        }
        return best;
    }

    /**
     * The last event drawn (between {@code t0} and {@code t1}) whose mark or label lies at {@code x}. An
     * outcome's label may lie left of its mark, so every drawn event is asked, not only those before x.
     */
    private static int nearestApp(AppRow row, LaneGeometry geo, long t0, long t1, double nanosPerPixel, double x) {
        int best = -1;
        for (int i = row.firstAtOrAfter(t0); i < row.size() && row.get(i).t() <= t1; i++) {
            var event = row.get(i);
            double at = geo.plotLeft() + (event.t() - t0) / nanosPerPixel;
            double left = at;
            double right = at + TimelineRenderer.textWidth(AppRow.words(event), 11);
            if (AppRow.isOutcome(event)) {
                String words = TimelineRenderer.outcomeWords(event);
                left = TimelineRenderer.outcomeLabelLeft(words, at, geo);
                right = left + TimelineRenderer.outcomeLabelWidth(words);
            }
            if (x >= Math.min(left, at - REACH) && x <= Math.max(right, at + REACH)) {
                best = i;
            }
        }
        return best;
    }
}
