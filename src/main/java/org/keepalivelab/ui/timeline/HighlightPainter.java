package org.keepalivelab.ui.timeline;

/** Rings the hovered or pinned mark, band, application event or action, where its lane is drawn. */
final class HighlightPainter {
    /** A segment's ring, centred on its mark: its diameter. */
    private static final double SEGMENT_RING = 20;
    /** An application event's or action's ring: its diameter, and its top above the words' baseline. */
    private static final double EVENT_RING = 12;
    private static final double EVENT_RING_TOP = 10;

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
        gc.setStroke(pen.colour(PaletteRole.NOW));
        gc.setLineWidth(2);
        switch (hit) {
            case Hit.Segment s when s.index() < lane.segments(s.side()).size() -> {
                double x = frame.x(lane.segments(s.side()).t(s.index()));
                ring(pen, x, top + LaneGeometry.track(s.side()) - SEGMENT_RING / 2, SEGMENT_RING);
            }
            case Hit.State s when s.index() < lane.states(s.side()).size() -> {
                var row = lane.states(s.side());
                double x0 = Math.max(geo.plotLeft(), frame.x(row.t(s.index())));
                long endT = s.index() + 1 < row.size() ? row.t(s.index() + 1) : frame.end();
                double x1 = Math.min(geo.plotRight(), frame.x(endT));
                gc.strokeRect(x0, top + LaneGeometry.bandTop(s.side()), Math.max(2, x1 - x0), LaneGeometry.BAND_HEIGHT);
            }
            case Hit.App a when a.index() < lane.app(a.side()).size() -> {
                double x = frame.x(lane.app(a.side()).get(a.index()).t());
                ring(pen, x, top + LaneGeometry.appBaseline(a.side()) - EVENT_RING_TOP, EVENT_RING);
            }
            case Hit.Action a when a.index() < lane.actions().size() -> {
                double x = frame.x(lane.actions().get(a.index()).t());
                ring(pen, x, top + LaneGeometry.ACTION_BASELINE - EVENT_RING_TOP, EVENT_RING);
            }
            default -> {
            }
        }
    }

    /** A circle of {@code diameter} centred on {@code x}, its top at {@code top}. */
    private static void ring(Pen pen, double x, double top, double diameter) {
        pen.gc().strokeOval(x - diameter / 2, top, diameter, diameter);
    }
}
