package org.keepalivelab.ui.timeline;

import java.util.Arrays;

/**
 * The time axis's ticks in a frame, in 1-2-5 steps at least {@link #MIN_GAP} px apart: where each
 * one's grid line falls and, for those over the plot, its label, centred on it but kept inside the
 * plot so it never runs into "time →". Reused frame after frame.
 */
final class AxisTicks {
    private static final double MIN_GAP = 110;
    /** The least room between two tick labels, px. */
    private static final double LABEL_GAP = 16;
    /** A tick this far outside the plot is still labelled: it is on the edge, not past it. */
    private static final double EDGE = 1;

    private int count;
    private double[] xs = new double[16];
    private String[] labels = new String[16];
    private double[] labelXs = new double[16];

    void layOut(TimelineLayout frame) {
        count = 0;
        var geo = frame.geometry();
        long span = frame.t1() - frame.t0();
        long step = TimeAxis.step(span, geo.plotWidth(), MIN_GAP);
        // Long labels (minutes with decimals, "1 min 58.2215 s") need wider steps to keep apart.
        double widest = TimelineFonts.width(TimeAxis.label(frame.t1(), step), TimelineFonts.LABEL) + LABEL_GAP;
        if (widest > MIN_GAP) {
            step = TimeAxis.step(span, geo.plotWidth(), widest);
        }
        for (long t = Math.floorDiv(frame.t0(), step) * step; t <= frame.t1(); t += step) {
            double x = frame.x(t);
            if (x < geo.plotLeft() - EDGE || x > geo.plotRight() + EDGE) {
                add(x, null, x);
            } else {
                String label = TimeAxis.label(t, step);
                double half = TimelineFonts.width(label, TimelineFonts.LABEL) / 2;
                double min = geo.plotLeft() + half + 2;
                add(x, label, Math.clamp(x, min, Math.max(min, geo.plotRight() - half)));
            }
        }
    }

    private void add(double x, String label, double labelX) {
        if (count == xs.length) {
            int n = count * 2;
            xs = Arrays.copyOf(xs, n);
            labels = Arrays.copyOf(labels, n);
            labelXs = Arrays.copyOf(labelXs, n);
        }
        xs[count] = x;
        labels[count] = label;
        labelXs[count] = labelX;
        count++;
    }

    int count() {
        return count;
    }

    double x(int k) {
        return xs[k];
    }

    /** The tick's label, or {@code null} for a tick outside the plot (its grid line is still drawn). */
    String label(int k) {
        return labels[k];
    }

    /** Where the tick's label is centred. */
    double labelX(int k) {
        return labelXs[k];
    }
}
