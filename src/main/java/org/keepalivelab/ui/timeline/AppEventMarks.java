package org.keepalivelab.ui.timeline;

import java.util.Arrays;
import org.keepalivelab.model.AppEvent;

/**
 * One side's application events as a frame draws them: first its outcomes (EOF, an error), each with
 * its label, left of its line near the plot's right edge; then the other events, labelled where the
 * label keeps clear of the outcomes' and of the previous one's. Per event: where its line is and the
 * span its label covers (none where it has no label). Reused frame after frame.
 */
final class AppEventMarks {
    /** An outcome label's gap from its line, px. */
    static final double OUTCOME_GAP = 5;
    /** Another event's label starts this far right of its line. */
    static final double LABEL_INSET = 4;

    private final LabelSpans spans = new LabelSpans();
    private int count;
    private int outcomes;
    private double[] xs = new double[16];
    private int[] events = new int[16];
    private String[] labels = new String[16];
    private double[] lefts = new double[16];
    private double[] rights = new double[16];

    void layOut(AppRow row, TimelineLayout frame) {
        count = 0;
        spans.clear();
        var geo = frame.geometry();
        int lo = row.firstAtOrAfter(frame.t0());
        for (int i = lo; i < row.size() && row.get(i).t() <= frame.t1(); i++) {
            AppEvent event = row.get(i);
            if (AppRow.isOutcome(event)) {
                double x = frame.x(event.t());
                String words = AppRow.outcomeWords(event);
                double width = OUTCOME_GAP + TimelineFonts.width(words, TimelineFonts.STRONG);
                double left = x + width > geo.plotRight() && x - width > geo.plotLeft() ? x - width : x;
                add(x, i, words, left, left + width);
                spans.add(left, left + width);
            }
        }
        outcomes = count;
        double lastEnd = Double.NEGATIVE_INFINITY;
        for (int i = lo; i < row.size() && row.get(i).t() <= frame.t1(); i++) {
            AppEvent event = row.get(i);
            if (!AppRow.isOutcome(event)) {
                double x = frame.x(event.t());
                String words = AppRow.words(event);
                double end = x + (LABEL_INSET + 1) + TimelineFonts.width(words, TimelineFonts.LABEL); // a pixel to spare
                if (x > lastEnd + LabelSpans.GAP && !spans.overlaps(x, end)) {
                    add(x, i, words, x, end);
                    lastEnd = end;
                } else {
                    add(x, i, null, x, x);
                }
            }
        }
    }

    private void add(double x, int event, String label, double left, double right) {
        if (count == xs.length) {
            int n = count * 2;
            xs = Arrays.copyOf(xs, n);
            events = Arrays.copyOf(events, n);
            labels = Arrays.copyOf(labels, n);
            lefts = Arrays.copyOf(lefts, n);
            rights = Arrays.copyOf(rights, n);
        }
        xs[count] = x;
        events[count] = event;
        labels[count] = label;
        lefts[count] = left;
        rights[count] = right;
        count++;
    }

    int count() {
        return count;
    }

    /** Entries below this are outcomes, the rest other events. */
    int outcomes() {
        return outcomes;
    }

    double x(int k) {
        return xs[k];
    }

    /** The event's index in its application row. */
    int event(int k) {
        return events[k];
    }

    /** The event's label, or {@code null} where it has none. */
    String label(int k) {
        return labels[k];
    }

    /** Whether an outcome's label lies left of its line (near the plot's right edge). */
    boolean labelLeftOfLine(int k) {
        return lefts[k] < xs[k];
    }

    /**
     * The latest event whose line lies within {@code reach} px of {@code x}, or whose label lies under
     * it; -1 for none.
     */
    int at(double x, double reach) {
        int best = -1;
        for (int k = 0; k < count; k++) {
            if (x >= Math.min(lefts[k], xs[k] - reach) && x <= Math.max(rights[k], xs[k] + reach)
                    && (best < 0 || events[k] > events[best])) {
                best = k;
            }
        }
        return best;
    }
}
