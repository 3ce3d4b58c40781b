package org.keepalivelab.ui.timeline;

import java.util.Arrays;
import java.util.List;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;

/**
 * The user's actions on one connection as a frame draws them: faults first, then the rest (connect,
 * send), each with its line and, where it keeps clear of the labels placed before it, its words.
 * Per action: where its line is and where its label ends (at its line where it has none). Reused
 * frame after frame; in drawing order.
 */
final class ActionMarks {
    /** An action's label may start this far left of the plot and still show its end. */
    private static final double LEFT_REACH = 200;
    /** A label starts this far right of its action's line. */
    static final double LABEL_INSET = 3;

    private final LabelSpans spans = new LabelSpans();
    private int count;
    private double[] xs = new double[16];
    private int[] actions = new int[16];
    private boolean[] faults = new boolean[16];
    private String[] labels = new String[16];
    private double[] ends = new double[16];

    void layOut(List<ActionEvent> laneActions, TimelineLayout frame) {
        count = 0;
        spans.clear();
        var geo = frame.geometry();
        for (int pass = 0; pass < 2; pass++) { // faults' labels first: they matter more than connect/send
            for (int i = 0; i < laneActions.size(); i++) {
                var action = laneActions.get(i);
                double x = frame.x(action.t());
                boolean fault = isMajor(action);
                if (x < geo.plotLeft() - LEFT_REACH || x > geo.plotRight() || fault != (pass == 0)) {
                    continue;
                }
                String words = action.action().words();
                double end = x + LABEL_INSET + TimelineFonts.width(words, TimelineFonts.STRONG);
                if (spans.overlaps(x, end)) {
                    add(x, i, fault, null, x);
                } else {
                    add(x, i, fault, words, end);
                    spans.add(x, end);
                }
            }
        }
    }

    /** A fault, or the restore that ends a sever: what changes a connection's course, beside its traffic. */
    static boolean isMajor(ActionEvent action) {
        return switch (action.action()) {
            case Action.Fault _, Action.Restore _ -> true;
            case Action.Connect _, Action.Send _, Action.Reply _ -> false;
        };
    }

    private void add(double x, int action, boolean fault, String label, double end) {
        if (count == xs.length) {
            int n = count * 2;
            xs = Arrays.copyOf(xs, n);
            actions = Arrays.copyOf(actions, n);
            faults = Arrays.copyOf(faults, n);
            labels = Arrays.copyOf(labels, n);
            ends = Arrays.copyOf(ends, n);
        }
        xs[count] = x;
        actions[count] = action;
        faults[count] = fault;
        labels[count] = label;
        ends[count] = end;
        count++;
    }

    int count() {
        return count;
    }

    double x(int k) {
        return xs[k];
    }

    /** The action's index in its lane's actions. */
    int action(int k) {
        return actions[k];
    }

    boolean fault(int k) {
        return faults[k];
    }

    /** The action's words, or {@code null} where they would run into another's. */
    String label(int k) {
        return labels[k];
    }

    /** The latest action whose line lies within {@code reach} px of {@code x}, or whose label lies under it; -1 for none. */
    int at(double x, double reach) {
        int best = -1;
        for (int k = 0; k < count; k++) {
            if (x >= xs[k] - reach && x <= Math.max(ends[k], xs[k] + reach) && (best < 0 || actions[k] > actions[best])) {
                best = k;
            }
        }
        return best;
    }
}
