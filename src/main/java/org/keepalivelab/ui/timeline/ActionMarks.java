package org.keepalivelab.ui.timeline;

import java.util.List;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;

/**
 * The user's actions on one connection as a frame draws them: those whose line is in the plot, faults
 * first, then the rest (connect, send), each with its line and, where they keep whole and clear of the
 * labels placed before them, its words. The words go right of the line, or left of it (right-aligned)
 * where they would pass the plot's right edge. An action before the window gets nothing: words away
 * from their line would say the action happened where they are. In drawing order.
 */
final class ActionMarks extends LinedMarks {
    /** A label's gap from its action's line. */
    static final double LABEL_INSET = 3;

    private final LabelSpans spans = new LabelSpans();
    private List<ActionEvent> laneActions = List.of();

    /** Lays out {@code laneActions} in {@code frame}'s window, with their words if {@code words}. */
    void layOut(List<ActionEvent> laneActions, TimelineLayout frame, boolean words) {
        this.laneActions = laneActions;
        clear();
        spans.clear();
        var geo = frame.geometry();
        for (int pass = 0; pass < 2; pass++) { // faults' labels first: they matter more than connect/send
            for (int i = 0; i < laneActions.size(); i++) {
                var action = laneActions.get(i);
                double x = frame.x(action.t());
                if (x < geo.plotLeft() || x > geo.plotRight() || isMajor(action) != (pass == 0)) {
                    continue;
                }
                String text = action.action().words();
                double width = LABEL_INSET + TimelineFonts.width(text, TimelineFonts.STRONG);
                double left = x + width <= geo.plotRight() ? x : x - width;
                if (words && left >= geo.plotLeft() && !spans.overlaps(left, left + width)) {
                    add(x, i, text, left, left + width);
                    spans.add(left, left + width);
                } else {
                    add(x, i, null, x, x);
                }
            }
        }
    }

    /** A fault, or the restore that ends a sever: what changes a connection's course, beside its traffic. */
    static boolean isMajor(ActionEvent action) {
        return switch (action.action()) {
            case Action.Fault _, Action.Restore _, Action.SeverIdle _ -> true;
            case Action.Connect _, Action.Send _, Action.Reply _ -> false;
        };
    }

    @Override
    double gap(int k) {
        return LABEL_INSET;
    }

    /** The action's index in its lane's actions. */
    int action(int k) {
        return item(k);
    }

    boolean fault(int k) {
        return isMajor(laneActions.get(item(k)));
    }
}
