package org.keepalivelab.ui.timeline;

import java.util.List;
import java.util.Optional;
import org.keepalivelab.explain.AppFinding;
import org.keepalivelab.explain.Basis;
import org.keepalivelab.explain.Detection;
import org.keepalivelab.explain.KernelFinding;

/**
 * One lane's detections as a frame draws them: per side that outlived the fault, a bracket on that
 * side's application row, from the fault to when its kernel knew (a tick; a range where predicted) and
 * to when its application learned (the bracket's end). A side whose application has not learned gets
 * an open bracket to the lane's latest moment. The label goes inside the bracket, at its middle or in
 * the free stretch nearest it clear of the application's own labels (an outcome's stay at their mark);
 * else shortened ("server learned after 6.06 s"), inside or as near it on its row as it fits (the row
 * has no other bracket); else nowhere (the hover has it). Full lanes only: a compact lane has no words.
 * Reused frame after frame.
 */
final class DetectionBrackets {
    /** The bracket's line lies this far below its application row's baseline, under the row's words. */
    static final double DROP = 4;
    /** How far above the line its end ticks reach: over the row's words. */
    static final double TICK = 12;
    /** A label's gap from the bracket's ends. */
    static final double INSET = 6;
    /** A label outside its bracket keeps this far from other words, so it does not read as theirs. */
    private static final double BESIDE_GAP = 3 * LabelSpans.GAP;

    private final Detection[] detections = new Detection[2];
    private final double[] from = new double[2];
    private final double[] to = new double[2];
    private final double[] kernelFrom = new double[2];
    private final double[] kernelTo = new double[2];
    private final double[] app = new double[2];
    private final String[] labels = new String[2];
    private final double[] labelLefts = new double[2];
    private final double[] labelRights = new double[2];

    /**
     * Lays out {@code laneDetections} in {@code frame}'s window beside {@code appMarks} (indexed by side),
     * whose labels the brackets' keep clear of.
     */
    void layOut(List<Detection> laneDetections, TimelineLayout frame, LaneRows rows, AppEventMarks[] appMarks) {
        detections[0] = null;
        detections[1] = null;
        if (!rows.words()) {
            return;
        }
        var geo = frame.geometry();
        for (var d : laneDetections) {
            int s = d.side().ordinal();
            long end = closedAt(d).orElse(Math.max(frame.end(), d.kernel().map(k -> k.latest()).orElse(0L)));
            double x0 = frame.x(d.fault().t());
            double x1 = frame.x(end);
            if (x1 < geo.plotLeft() || x0 > geo.plotRight()) {
                continue; // the whole bracket lies outside the window
            }
            detections[s] = d;
            from[s] = clamp(x0, geo);
            to[s] = clamp(x1, geo);
            kernelFrom[s] = d.kernel().map(k -> clamp(frame.x(k.earliest()), geo)).orElse(Double.NaN);
            kernelTo[s] = d.kernel().map(k -> clamp(frame.x(k.latest()), geo)).orElse(Double.NaN);
            app[s] = d.app().map(a -> frame.x(a.t())).filter(x -> x >= geo.plotLeft() && x <= geo.plotRight())
                    .orElse(Double.NaN);
            double middle = (from[s] + to[s]) / 2;
            String brief = DetectionWords.shortLabel(d);
            if (!placeLabel(s, DetectionWords.label(d), from[s] + INSET, to[s] - INSET, middle, LabelSpans.GAP, appMarks[s])
                    && !placeLabel(s, brief, from[s] + INSET, to[s] - INSET, middle, LabelSpans.GAP, appMarks[s])
                    && !placeLabel(s, brief, geo.plotLeft(), geo.plotRight(), middle, BESIDE_GAP, appMarks[s])) {
                labels[s] = null;
            }
        }
    }

    private static double clamp(double x, LaneGeometry geo) {
        return Math.clamp(x, geo.plotLeft(), geo.plotRight());
    }

    /**
     * Places {@code text} in {@code left..right} {@code gap} clear of the application's labels, as near
     * {@code middle} as it can: where those labels (an outcome's, at its line) take the middle, in the
     * free stretch nearest it, so both stay legible. False where no stretch holds it.
     */
    private boolean placeLabel(int s, String text, double left, double right, double middle, double gap,
                               AppEventMarks appMarks) {
        double width = TimelineFonts.width(text, TimelineFonts.STRONG);
        double at = appMarks.clearPlace(left, right, width, gap, middle);
        if (Double.isNaN(at)) {
            return false;
        }
        labels[s] = text;
        labelLefts[s] = at;
        labelRights[s] = at + width;
        return true;
    }

    /** Side {@code s}'s detection (its ordinal), or {@code null} where it has no bracket in this frame. */
    Detection detection(int s) {
        return detections[s];
    }

    /** Where the bracket starts: the fault, or the plot's left edge for a fault before the window. */
    double from(int s) {
        return from[s];
    }

    /** Where it ends: where it closed, or (open) the lane's latest moment. */
    double to(int s) {
        return to[s];
    }

    /** Whether the bracket is open: nothing has closed it yet ({@link #closedAt}). */
    boolean open(int s) {
        return closedAt(detections[s]).isEmpty();
    }

    /**
     * Where a detection's bracket ends: where the application learned; from a capture, which holds no
     * application event, where the kernel knew, the last thing the file can show. Empty while neither.
     */
    private static Optional<Long> closedAt(Detection d) {
        return d.appKnown() ? d.app().map(AppFinding::t) : d.kernel().map(KernelFinding::latest);
    }

    boolean predicted(int s) {
        return detections[s].basis() == Basis.PREDICTED;
    }

    /** When the kernel knew, earliest and latest (equal but for a sampled state or a prediction); NaN for not. */
    double kernelFrom(int s) {
        return kernelFrom[s];
    }

    double kernelTo(int s) {
        return kernelTo[s];
    }

    /** Where the application learned, in the window; NaN for not (or outside it). */
    double app(int s) {
        return app[s];
    }

    /** The label, or {@code null} where none fitted. */
    String label(int s) {
        return labels[s];
    }

    double labelLeft(int s) {
        return labelLefts[s];
    }

    /** Whether {@code x} lies on side {@code s}'s bracket or its label, within {@code reach}. */
    boolean covers(int s, double x, double reach) {
        return detections[s] != null && (x >= from[s] - reach && x <= to[s] + reach
                || labels[s] != null && x >= labelLefts[s] && x <= labelRights[s]);
    }
}
