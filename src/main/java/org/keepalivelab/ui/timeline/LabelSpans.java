package org.keepalivelab.ui.timeline;

import java.util.Arrays;

/** Where labels already lie along one line of a lane, so a new label goes only where it overlaps none. */
final class LabelSpans {
    /** The least room between two labels, px. */
    static final double GAP = 6;

    private double[] spans = new double[32]; // from, to; from, to; ...
    private int count;

    void clear() {
        count = 0;
    }

    void add(double from, double to) {
        if (count * 2 + 2 > spans.length) {
            spans = Arrays.copyOf(spans, spans.length * 2);
        }
        spans[count * 2] = from;
        spans[count * 2 + 1] = to;
        count++;
    }

    /** True when a label from {@code from} to {@code to} would come closer than {@link #GAP} to one already there. */
    boolean overlaps(double from, double to) {
        for (int i = 0; i < count; i++) {
            if (from < spans[i * 2 + 1] + GAP && to + GAP > spans[i * 2]) {
                return true;
            }
        }
        return false;
    }
}
