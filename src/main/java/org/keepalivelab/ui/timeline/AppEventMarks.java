package org.keepalivelab.ui.timeline;

import org.keepalivelab.model.AppEvent;

/**
 * One side's application events as a frame draws them: first its outcomes (EOF, an error), each with
 * its label, left of its line near the plot's right edge; then, where the lane has room for words, the
 * other events, labelled where the label keeps whole and clear of the outcomes' and of the previous
 * one's. An event whose line lies under the previous label (the seed's write a millisecond after its
 * "connected") continues that label, "connected · write 5 B", so it is never hidden however far the
 * window is zoomed out; one near the right edge is labelled left of its line.
 */
final class AppEventMarks extends LinedMarks {
    /** An outcome label's gap from its line, px. */
    static final double OUTCOME_GAP = 5;
    /** Another event's label starts this far right of its line. */
    static final double LABEL_INSET = 4;
    /** What joins a label to the one it continues. */
    private static final String CONTINUED = "· ";
    /** A continuing label starts this far after the one it continues, px. */
    private static final double CONTINUE_GAP = 3;
    /** A continuing label starts at most this far right of its line: farther, it would not read as the line's. */
    private static final double MAX_PUSH = 160;

    private final LabelSpans spans = new LabelSpans();
    private int outcomes;

    /** Lays out {@code row} in {@code frame}'s window: outcomes and, if {@code words}, the other events with their words. */
    void layOut(AppRow row, TimelineLayout frame, boolean words) {
        clear();
        spans.clear();
        var geo = frame.geometry();
        int lo = row.firstAtOrAfter(frame.t0());
        for (int i = lo; i < row.size() && row.t(i) <= frame.t1(); i++) {
            AppEvent event = row.get(i);
            if (AppRow.isOutcome(event)) {
                double x = frame.x(event.t());
                if (!words) {
                    add(x, i, null, x, x);
                    continue;
                }
                String text = AppRow.outcomeWords(event);
                double width = OUTCOME_GAP + TimelineFonts.width(text, TimelineFonts.STRONG);
                double left = x + width > geo.plotRight() && x - width > geo.plotLeft() ? x - width : x;
                add(x, i, text, left, left + width);
                spans.add(left, left + width);
            }
        }
        outcomes = count();
        if (!words) {
            return;
        }
        double lastEnd = Double.NEGATIVE_INFINITY;
        for (int i = lo; i < row.size() && row.t(i) <= frame.t1(); i++) {
            AppEvent event = row.get(i);
            if (AppRow.isOutcome(event)) {
                continue;
            }
            double x = frame.x(event.t());
            String text = AppRow.words(event);
            if (x <= lastEnd) { // under the previous label: continue it
                String more = CONTINUED + text;
                double from = lastEnd + CONTINUE_GAP;
                double to = from + TimelineFonts.width(more, TimelineFonts.LABEL) + 1;
                if (from - x <= MAX_PUSH && to <= geo.plotRight() && !spans.overlaps(from, to)) {
                    add(x, i, more, from, to);
                    lastEnd = to;
                    continue;
                }
            } else if (x > lastEnd + LabelSpans.GAP) {
                double width = (LABEL_INSET + 1) + TimelineFonts.width(text, TimelineFonts.LABEL); // a pixel to spare
                double left = x + width <= geo.plotRight() ? x : x - width;
                if (left >= geo.plotLeft() && left > lastEnd + LabelSpans.GAP && !spans.overlaps(left, left + width)) {
                    add(x, i, text, left, left + width);
                    lastEnd = left + width;
                    continue;
                }
            }
            add(x, i, null, x, x);
        }
    }

    /** Entries below this are outcomes, the rest other events. */
    int outcomes() {
        return outcomes;
    }

    @Override
    double gap(int k) {
        return k < outcomes ? OUTCOME_GAP : LABEL_INSET;
    }

    /** The event's index in its application row. */
    int event(int k) {
        return item(k);
    }

    /** The outcome whose line lies within {@code reach} px of {@code x}, the latest; -1 for none. */
    int outcomeLineAt(double x, double reach) {
        return lineAt(0, outcomes, x, reach);
    }
}
