package org.keepalivelab.ui.timeline;

/** Rings the hovered or pinned mark, band, application event, action or bracket, where its lane is drawn. */
final class HighlightPainter {
    /** A segment's ring, centred on its mark: its diameter. */
    private static final double SEGMENT_RING = 20;
    /** An application event's or action's ring, centred on the middle of its row: its diameter. */
    private static final double EVENT_RING = 12;

    private HighlightPainter() {
    }

    static void paint(Pen pen, LaneLayout layout, TimelineLayout frame, Hit hit) {
        if (hit == null || hit.conn() != layout.conn()) {
            return;
        }
        var gc = pen.gc();
        var geo = frame.geometry();
        var lane = layout.lane();
        double top = layout.top();
        var rows = layout.rows();
        gc.setStroke(pen.colour(PaletteRole.NOW));
        gc.setLineWidth(2);
        switch (hit) {
            case Hit.Segment s when s.index() < lane.segments(s.side()).size() -> {
                double x = frame.x(lane.segments(s.side()).t(s.index()));
                ring(pen, x, top + rows.track(s.side()), SEGMENT_RING); // a sever's cross rings its segment's mark
            }
            case Hit.State s when s.index() < lane.states(s.side()).size() -> {
                var row = lane.states(s.side());
                double x0 = Math.max(geo.plotLeft(), frame.x(row.t(s.index())));
                long endT = s.index() + 1 < row.size() ? row.t(s.index() + 1) : frame.end();
                double x1 = Math.min(geo.plotRight(), frame.x(endT));
                gc.strokeRect(x0, top + rows.bandTop(s.side()), Math.max(2, x1 - x0), rows.bandHeight());
            }
            case Hit.App a when a.index() < lane.app(a.side()).size() -> {
                double x = frame.x(lane.app(a.side()).get(a.index()).t());
                ring(pen, x, top + rows.appMiddle(a.side()), EVENT_RING);
            }
            case Hit.Action a when a.index() < lane.actions().size() -> {
                double x = frame.x(lane.actions().get(a.index()).t());
                ring(pen, x, top + rows.actionMiddle(), EVENT_RING);
            }
            case Hit.Bracket b -> {
                var brackets = layout.brackets();
                int s = b.detection().side().ordinal();
                if (b.detection().equals(brackets.detection(s))) {
                    double y = top + rows.appBaseline(b.detection().side()) + DetectionBrackets.DROP;
                    gc.strokeRect(brackets.from(s) - 3, y - DetectionBrackets.TICK - 2,
                            brackets.to(s) - brackets.from(s) + 6, DetectionBrackets.TICK + 6);
                }
            }
            default -> {
            }
        }
    }

    /** A circle of {@code diameter} centred on {@code x}, {@code y}. */
    private static void ring(Pen pen, double x, double y, double diameter) {
        pen.gc().strokeOval(x - diameter / 2, y - diameter / 2, diameter, diameter);
    }
}
