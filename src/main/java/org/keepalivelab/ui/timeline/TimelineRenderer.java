package org.keepalivelab.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.transform.Affine;
import javafx.stage.Screen;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.SegmentRow;
import org.keepalivelab.model.Side;

/**
 * Draws the timeline: axis, and per connection lane the kernel state bands, the segments each side
 * sent (with a connector to the receiver, crossed out where a sever dropped it), the applications'
 * events and the user's actions. Used by the live view and, on an offscreen canvas, by the PNG export.
 *
 * <p>Only the visible window is drawn: each row is binary-searched for its first and last visible
 * mark. Marks falling on the same pixel column are merged and the most telling one is drawn (a lone
 * RST among a thousand ACKs survives). Nothing is allocated per mark.
 */
public final class TimelineRenderer {
    public static final String FONT_FAMILY = Font.getDefault().getFamily();
    private static final double MIN_LABEL_GAP = 6;

    private final Font font = Font.font(FONT_FAMILY, 11);
    private final Font bold = Font.font(FONT_FAMILY, FontWeight.BOLD, 11.5);
    private final Font title = Font.font(FONT_FAMILY, FontWeight.BOLD, 12.5);
    private final Font axisFont = Font.font(FONT_FAMILY, 11);

    /** Marks closer than this many pixels merge into the most telling one. */
    private static final double MERGE_PX = 4;
    /** A connector gets its arrowhead only this far from the previous one: denser, the heads are a smear. */
    private static final double ARROW_GAP = 6;

    private final Affine transform = new Affine();
    private MarkSprites sprites;
    private final TextSprites textSprites = new TextSprites();
    private boolean devicePixels;
    private double screenScale;
    private double[] occupied = new double[32];
    private int occupiedCount;

    private GraphicsContext gc;
    private LaneGeometry geo;
    private RenderFrame frame;
    private TimelinePalette palette;
    private double scale;

    /** Draws {@code model} as {@code frame} says onto {@code gc}, which covers {@code geo}'s size. */
    public void draw(GraphicsContext gc, LaneGeometry geo, TimelineModel model, RenderFrame frame,
                     TimelinePalette palette) {
        this.gc = gc;
        this.geo = geo;
        this.frame = frame;
        this.palette = palette;
        this.scale = geo.plotWidth() / Math.max(1, frame.t1() - frame.t0());
        this.devicePixels = onDevicePixels(gc);
        this.sprites = devicePixels ? MarkSprites.of(sprites, palette) : null;
        textSprites.newFrame();
        gc.save();
        gc.setTextBaseline(VPos.BASELINE);
        gc.setTextAlign(TextAlignment.LEFT);
        var lanes = model.lanes();
        int first = Math.max(0, geo.laneAt(LaneGeometry.AXIS_HEIGHT, lanes.size()));
        int last = lanes.isEmpty() ? -1 : geo.laneAt(geo.height() - 1, lanes.size());
        if (last < 0) {
            last = lanes.size() - 1;
        }
        // every pixel is painted once underneath: the gutters and axis by their own methods, the plot
        // by the lanes' backgrounds and, below the last lane, here
        double below = last >= first ? geo.laneTop(last) + LaneGeometry.LANE_HEIGHT : LaneGeometry.AXIS_HEIGHT;
        if (below < geo.height()) {
            gc.setFill(palette.get(PaletteRole.PLOT));
            gc.fillRect(geo.plotLeft(), below, geo.plotWidth(), geo.height() - below);
        }
        // No clip: the gutters and the axis, painted last, cover whatever spills out of the plot. A
        // clip would cost an allocation per shape in the canvas's renderer.
        for (int i = first; i <= last; i++) {
            laneBackground(lanes.get(i), geo.laneTop(i), i);
        }
        grid();
        for (int i = first; i <= last; i++) {
            lane(lanes.get(i), geo.laneTop(i));
        }
        if (frame.showNow()) {
            nowLine();
        }
        gc.restore();
        gc.save();
        gutter(model, first, last);
        axis();
        if (lanes.isEmpty()) {
            gc.setFill(palette.get(PaletteRole.MUTED));
            gc.setFont(title);
            gc.setTextAlign(TextAlignment.CENTER);
            text("No connection yet: press Connect.", geo.plotLeft() + geo.plotWidth() / 2,
                    LaneGeometry.AXIS_HEIGHT + 60);
        }
        gc.restore();
    }

    /** True when a unit of the canvas is a device pixel: the live view on a screen at scale 1. */
    private boolean onDevicePixels(GraphicsContext gc) {
        if (screenScale == 0) {
            screenScale = 1;
            for (var screen : Screen.getScreens()) { // the canvas renders at the highest screen scale
                screenScale = Math.max(screenScale, Math.max(screen.getOutputScaleX(), screen.getOutputScaleY()));
            }
        }
        gc.getTransform(transform);
        return screenScale == 1 && transform.getMxx() == 1 && transform.getMyy() == 1 && transform.getMxy() == 0
                && transform.getMyx() == 0 && transform.getTx() == Math.rint(transform.getTx())
                && transform.getTy() == Math.rint(transform.getTy());
    }

    private double x(long t) {
        return geo.plotLeft() + (t - frame.t0()) * scale;
    }

    private void laneBackground(ConnectionLane lane, double top, int index) {
        var role = lane.conn() == frame.selectedConn() ? PaletteRole.LANE_SELECTED
                : index % 2 == 1 ? PaletteRole.LANE_ALT : PaletteRole.PLOT;
        gc.setFill(palette.get(role));
        gc.fillRect(geo.plotLeft(), top, geo.plotWidth(), LaneGeometry.LANE_HEIGHT);
        gc.setFill(palette.get(PaletteRole.GRID));
        hline(geo.plotLeft(), geo.plotRight(), top + LaneGeometry.LANE_HEIGHT, 1);
    }

    private void grid() {
        long step = TimeAxis.step(frame.t1() - frame.t0(), geo.plotWidth(), 110);
        gc.setFill(palette.get(PaletteRole.GRID));
        for (long t = Math.floorDiv(frame.t0(), step) * step; t <= frame.t1(); t += step) {
            vline(x(t), LaneGeometry.AXIS_HEIGHT, geo.height(), 1);
        }
    }

    private void axis() {
        gc.setFill(palette.get(PaletteRole.BACKGROUND));
        gc.fillRect(0, 0, geo.width(), LaneGeometry.AXIS_HEIGHT);
        gc.setFill(palette.get(PaletteRole.GRID));
        hline(0, geo.width(), LaneGeometry.AXIS_HEIGHT, 1);
        long step = TimeAxis.step(frame.t1() - frame.t0(), geo.plotWidth(), 110);
        gc.setFont(axisFont);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setFill(palette.get(PaletteRole.MUTED));
        gc.setStroke(palette.get(PaletteRole.MUTED));
        for (long t = Math.floorDiv(frame.t0(), step) * step; t <= frame.t1(); t += step) {
            double x = x(t);
            if (x < geo.plotLeft() - 1 || x > geo.plotRight() + 1) {
                continue;
            }
            vline(x, LaneGeometry.AXIS_HEIGHT - 5, LaneGeometry.AXIS_HEIGHT, 1);
            tickLabel(TimeAxis.label(t, step), x);
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        text("time →", geo.plotLeft() - 10, LaneGeometry.AXIS_HEIGHT - 10);
        gc.setTextAlign(TextAlignment.LEFT);
        if (frame.showNow()) {
            double x = x(frame.end());
            if (x >= geo.plotLeft() && x <= geo.plotRight()) {
                gc.setFill(palette.get(PaletteRole.NOW));
                gc.setFont(bold);
                gc.setTextAlign(TextAlignment.CENTER);
                text("now", x, 11);
            }
        }
    }

    private void nowLine() {
        gc.setFill(palette.get(PaletteRole.NOW));
        vline(x(frame.end()), LaneGeometry.AXIS_HEIGHT, geo.height(), 1.5);
    }

    private void gutter(TimelineModel model, int first, int last) {
        gc.setFill(palette.get(PaletteRole.BACKGROUND));
        gc.fillRect(0, LaneGeometry.AXIS_HEIGHT, geo.plotLeft(), geo.height());
        gc.fillRect(geo.plotRight(), LaneGeometry.AXIS_HEIGHT, geo.width() - geo.plotRight(), geo.height());
        gc.setTextAlign(TextAlignment.RIGHT);
        double right = geo.plotLeft() - 10;
        for (int i = first; i <= last; i++) {
            var lane = model.lanes().get(i);
            double top = geo.laneTop(i);
            boolean selected = lane.conn() == frame.selectedConn();
            if (selected) {
                gc.setFill(palette.get(PaletteRole.NOW));
                gc.fillRect(0, top + 4, 3, LaneGeometry.LANE_HEIGHT - 8);
            }
            gc.setFont(title);
            gc.setFill(palette.get(selected ? PaletteRole.NOW : PaletteRole.TEXT));
            text("#" + lane.conn(), right, top + LaneGeometry.TITLE_BASELINE);
            for (var side : Side.values()) {
                gc.setFont(bold);
                gc.setFill(palette.get(PaletteRole.TEXT));
                text(side.label(), right, top + LaneGeometry.track(side) + 4);
                gc.setFont(font);
                gc.setFill(palette.get(PaletteRole.MUTED));
                double bandMiddle = top + LaneGeometry.bandTop(side) + LaneGeometry.BAND_HEIGHT / 2 + 4;
                text("kernel", right, bandMiddle);
                text("app", right, top + LaneGeometry.appBaseline(side));
            }
            gc.setFill(palette.get(PaletteRole.GRID));
            hline(0, geo.plotLeft(), top + LaneGeometry.LANE_HEIGHT, 1);
        }
        gc.setTextAlign(TextAlignment.LEFT);
    }

    private void lane(ConnectionLane lane, double top) {
        actions(lane, top);
        for (var side : Side.values()) {
            bands(lane.states(side), side, top);
        }
        for (var side : Side.values()) {
            segments(lane.segments(side), side, top, true);
        }
        for (var side : Side.values()) {
            segments(lane.segments(side), side, top, false);
        }
        for (var side : Side.values()) {
            appEvents(lane.app(side), side, top);
        }
        highlight(lane, top);
        laneTitle(lane, top);
    }

    private void laneTitle(ConnectionLane lane, double top) {
        String text = frame.laneTitle() == null ? null : frame.laneTitle().apply(lane.conn());
        if (text == null || text.isEmpty()) {
            return;
        }
        gc.setFont(font);
        double w = textWidth(text, 11) + 12;
        gc.setFill(palette.get(PaletteRole.PLOT));
        gc.setGlobalAlpha(0.85);
        gc.fillRoundRect(geo.plotLeft() + 4, top + 4, w, 17, 6, 6);
        gc.setGlobalAlpha(1);
        gc.setFill(palette.get(PaletteRole.MUTED));
        text(text, geo.plotLeft() + 10, top + LaneGeometry.TITLE_BASELINE);
    }

    private void actions(ConnectionLane lane, double top) {
        var actions = lane.actions();
        occupiedCount = 0;
        gc.setFont(bold);
        for (int pass = 0; pass < 2; pass++) { // faults' labels first: they matter more than connect/send
            for (ActionEvent action : actions) {
                double x = x(action.t());
                boolean major = isFault(action);
                if (x < geo.plotLeft() - 200 || x > geo.plotRight() || major != (pass == 0)) {
                    continue;
                }
                gc.setStroke(palette.get(PaletteRole.ACTION));
                gc.setGlobalAlpha(major ? 0.75 : 0.45);
                gc.setLineWidth(1.2);
                gc.setLineDashes(4, 4);
                gc.strokeLine(snap(x), top + LaneGeometry.ACTION_BASELINE + 4, snap(x), top + LaneGeometry.LANE_HEIGHT - 4);
                gc.setLineDashes((double[]) null);
                gc.setGlobalAlpha(1);
                String words = actionWords(action);
                double end = x + 3 + textWidth(words, 11.5);
                if (!overlaps(x, end)) {
                    gc.setFill(palette.get(PaletteRole.ACTION));
                    text(words, x + 3, top + LaneGeometry.ACTION_BASELINE);
                    remember(x, end);
                }
            }
        }
    }

    private static boolean isFault(ActionEvent action) {
        return !action.action().equals("connect") && !action.action().equals("send") && !action.action().equals("reply");
    }

    /** How an action reads on the timeline: "kill", "sever both", "send 5 B". */
    public static String actionWords(ActionEvent action) {
        return switch (action.action()) {
            case "send", "reply" -> action.action() + " " + action.args() + " B";
            case "kill" -> "kill client";
            case "abort" -> "abort (RST)";
            case "close" -> "close gracefully";
            default -> action.args().isEmpty() ? action.action() : action.action() + " " + action.args();
        };
    }

    private void bands(StateRow row, Side side, double top) {
        int n = row.size();
        if (n == 0) {
            return;
        }
        double y = top + LaneGeometry.bandTop(side);
        int i = Math.max(0, row.at(frame.t0()));
        for (; i < n && row.t(i) <= frame.t1(); i++) {
            long start = row.t(i);
            long end = i + 1 < n ? row.t(i + 1) : Math.max(start, frame.end());
            if (end < frame.t0()) {
                continue;
            }
            double x0 = Math.max(x(start), geo.plotLeft() - 2);
            double x1 = Math.min(x(end), geo.plotRight() + 2);
            gc.setFill(palette.state(row.state(i)));
            gc.fillRect(x0, y, Math.max(1, x1 - x0), LaneGeometry.BAND_HEIGHT);
            if (start >= frame.t0()) {
                gc.setFill(palette.get(PaletteRole.MUTED));
                gc.setGlobalAlpha(0.6);
                vline(x0, y, y + LaneGeometry.BAND_HEIGHT, 1);
                gc.setGlobalAlpha(1);
            }
            bandLabel(row, i, Math.max(x0, geo.plotLeft()), x1, y);
        }
    }

    /** A tick's label, centred on it, but kept inside the plot so it never runs into "time →". */
    private void tickLabel(String label, double x) {
        double half = textWidth(label, axisFont.getSize()) / 2;
        double centre = Math.clamp(x, geo.plotLeft() + half + 2, Math.max(geo.plotLeft() + half + 2, geo.plotRight() - half));
        text(label, centre, LaneGeometry.AXIS_HEIGHT - 10);
    }

    private void bandLabel(StateRow row, int i, double x0, double x1, double y) {
        String name = row.state(i).name();
        String probes = row.unanswered(i) > 0 ? row.unanswered(i) + " unanswered" : null;
        String full = name + (row.orphan(i) ? " · orphan" : "") + (probes != null ? " · " + probes : "");
        // A band that only counts one more unanswered probe says so first when the full label does not fit.
        boolean sameState = i > 0 && row.state(i - 1) == row.state(i) && row.orphan(i - 1) == row.orphan(i);
        String shorter = sameState && probes != null ? probes : name;
        double room = x1 - x0 - 8;
        String text = textWidth(full, 11) <= room ? full : textWidth(shorter, 11) <= room ? shorter : null;
        if (text == null) {
            return;
        }
        gc.setFont(font);
        gc.setFill(palette.get(PaletteRole.STATE_TEXT));
        text(text, x0 + 5, y + LaneGeometry.BAND_HEIGHT - 5);
    }

    private void segments(SegmentRow row, Side side, double top, boolean connectors) {
        long margin = (long) (8 / scale);
        int lo = row.firstAtOrAfter(frame.t0() - margin);
        int hi = row.firstAfter(frame.t1() + margin);
        double y = top + LaneGeometry.track(side);
        double peerY = top + LaneGeometry.track(side.peer());
        long bucket = Math.max(1, (long) (MERGE_PX / scale)); // anchored in time: panning does not reshuffle merges
        long column = Long.MIN_VALUE;
        int best = -1;
        MarkKind bestMark = null;
        boolean anyDropped = false;
        long bytes = 0;
        double lastConnector = Double.NEGATIVE_INFINITY;
        double lastLabelEnd = Double.NEGATIVE_INFINITY;
        for (int i = lo; i <= hi; i++) {
            long c = i < hi ? Math.floorDiv(row.t(i), bucket) : Long.MAX_VALUE;
            if (c != column && best >= 0) {
                double x = x(row.t(best));
                if (connectors) {
                    if (x - lastConnector >= 3 || bestMark.priority() >= MarkKind.PROBE_ANSWERED.priority()) {
                        connector(bestMark, anyDropped, x, y, peerY, x - lastConnector >= ARROW_GAP);
                        lastConnector = x;
                    }
                } else {
                    if (sprites != null) {
                        sprites.draw(gc, bestMark, x, y);
                    } else {
                        MarkGlyphs.draw(gc, bestMark, x, y, palette);
                    }
                    if (anyDropped) {
                        if (sprites != null) {
                            sprites.dropped(gc, x, (y + peerY) / 2);
                        } else {
                            MarkGlyphs.dropped(gc, x, (y + peerY) / 2, palette);
                        }
                    }
                    if (bytes > 0 && x > lastLabelEnd + MIN_LABEL_GAP) {
                        String label = bytes(bytes);
                        gc.setFont(font);
                        gc.setFill(palette.get(PaletteRole.TEXT));
                        text(label, x + 7, y + 4);
                        lastLabelEnd = x + 7 + textWidth(label, 11);
                    }
                }
                best = -1;
                anyDropped = false;
                bytes = 0;
            }
            if (i == hi) {
                break;
            }
            column = c;
            var mark = MarkKind.of(row, i);
            if (best < 0 || mark.priority() > bestMark.priority()) {
                best = i;
                bestMark = mark;
            }
            anyDropped |= row.dropped(i);
            if (mark == MarkKind.DATA || mark == MarkKind.RETRANSMISSION) {
                bytes += row.length(i);
            }
        }
    }

    /**
     * A vertical line from the sender's track towards the receiver's, dashed and stopping short where a
     * sever dropped the segment. Drawn as rectangles, which the software pipeline fills without
     * rasterising a path; the arrowhead only where it has room.
     */
    private void connector(MarkKind mark, boolean dropped, double x, double y, double peerY, boolean arrow) {
        double dir = Math.signum(peerY - y);
        double from = y + dir * 8;
        double to = dropped ? (y + peerY) / 2 - dir * 6 : peerY - dir * 7;
        double top = Math.min(from, to);
        double bottom = Math.max(from, to);
        boolean strong = mark.priority() >= MarkKind.PROBE_ANSWERED.priority();
        double width = strong ? 1.6 : 1.1;
        double left = Math.floor(x) + 0.5 - width / 2;
        var colour = dropped ? palette.get(PaletteRole.DROPPED) : palette.mark(mark);
        gc.setFill(colour);
        gc.setGlobalAlpha(mark == MarkKind.ACK || mark == MarkKind.WINDOW_UPDATE ? 0.3 : 0.55);
        if (dropped) {
            for (double dash = top; dash < bottom; dash += 6) {
                gc.fillRect(left, dash, width, Math.min(3, bottom - dash));
            }
        } else {
            gc.fillRect(left, top, width, bottom - top);
            if (arrow) {
                double sx = snap(x);
                gc.setStroke(colour);
                gc.setLineWidth(width);
                gc.strokeLine(sx, to, sx - 3, to - dir * 4);
                gc.strokeLine(sx, to, sx + 3, to - dir * 4);
            }
        }
        gc.setGlobalAlpha(1);
    }

    private void appEvents(AppRow row, Side side, double top) {
        double baseline = top + LaneGeometry.appBaseline(side);
        int lo = row.firstAtOrAfter(frame.t0());
        occupiedCount = 0;
        gc.setFont(bold);
        for (int i = lo; i < row.size(); i++) {
            AppEvent event = row.get(i);
            if (event.t() > frame.t1()) {
                break;
            }
            if (AppRow.isOutcome(event)) {
                outcome(event, side, top, baseline);
            }
        }
        gc.setFont(font);
        double lastEnd = Double.NEGATIVE_INFINITY;
        for (int i = lo; i < row.size(); i++) {
            AppEvent event = row.get(i);
            if (event.t() > frame.t1()) {
                break;
            }
            if (AppRow.isOutcome(event)) {
                continue;
            }
            double x = x(event.t());
            String words = AppRow.words(event);
            double end = x + 5 + textWidth(words, 11);
            gc.setFill(palette.get(PaletteRole.MUTED));
            vline(x, baseline - 9, baseline + 1, 1);
            if (x > lastEnd + MIN_LABEL_GAP && !overlaps(x, end)) {
                text(words, x + 4, baseline);
                lastEnd = end;
            }
        }
    }

    private void outcome(AppEvent event, Side side, double top, double baseline) {
        double x = x(event.t());
        var colour = palette.get(event.event() == AppEventType.EOF ? PaletteRole.EOF : PaletteRole.ERROR);
        double bandTop = top + LaneGeometry.bandTop(side);
        double y0 = side == Side.CLIENT ? baseline - 10 : bandTop;
        double y1 = side == Side.CLIENT ? bandTop + LaneGeometry.BAND_HEIGHT : baseline + 2;
        gc.setFill(colour);
        vline(x, y0, y1, 2);
        String words = outcomeWords(event);
        double left = outcomeLabelLeft(words, x, geo);
        if (left < x) {
            gc.setTextAlign(TextAlignment.RIGHT); // near the right edge: the words go to the left of the mark
            text(words, x - 5, baseline);
            gc.setTextAlign(TextAlignment.LEFT);
        } else {
            text(words, x + 5, baseline);
        }
        remember(left, left + outcomeLabelWidth(words));
    }

    /** How an application's outcome reads on the timeline: EOF spelled out, an error by its message. */
    static String outcomeWords(AppEvent event) {
        return event.event() == AppEventType.EOF ? "EOF: read returned end of stream" : AppRow.words(event);
    }

    /**
     * Where an outcome's label, with its gap from the mark at {@code x}, starts: right of the mark, or
     * left of it near the plot's right edge. The renderer draws there and the hit test looks there.
     */
    static double outcomeLabelLeft(String words, double x, LaneGeometry geo) {
        double width = outcomeLabelWidth(words);
        return x + width > geo.plotRight() && x - width > geo.plotLeft() ? x - width : x;
    }

    /** An outcome label's width (bold, 11.5) and its 5 px gap from the mark. */
    static double outcomeLabelWidth(String words) {
        return 5 + textWidth(words, 11.5);
    }

    private void highlight(ConnectionLane lane, double top) {
        var hit = frame.highlight();
        if (hit == null || hit.conn() != lane.conn()) {
            return;
        }
        gc.setStroke(palette.get(PaletteRole.NOW));
        gc.setLineWidth(2);
        switch (hit) {
            case Hit.Segment s when s.index() < lane.segments(s.side()).size() -> {
                double x = x(lane.segments(s.side()).t(s.index()));
                gc.strokeOval(x - 10, top + LaneGeometry.track(s.side()) - 10, 20, 20);
            }
            case Hit.State s when s.index() < lane.states(s.side()).size() -> {
                var row = lane.states(s.side());
                double x0 = Math.max(geo.plotLeft(), x(row.t(s.index())));
                long endT = s.index() + 1 < row.size() ? row.t(s.index() + 1) : frame.end();
                double x1 = Math.min(geo.plotRight(), x(endT));
                gc.strokeRect(x0, top + LaneGeometry.bandTop(s.side()), Math.max(2, x1 - x0), LaneGeometry.BAND_HEIGHT);
            }
            case Hit.App a when a.index() < lane.app(a.side()).size() -> {
                double x = x(lane.app(a.side()).get(a.index()).t());
                gc.strokeOval(x - 6, top + LaneGeometry.appBaseline(a.side()) - 10, 12, 12);
            }
            case Hit.Action a when a.index() < lane.actions().size() -> {
                double x = x(lane.actions().get(a.index()).t());
                gc.strokeOval(x - 6, top + LaneGeometry.ACTION_BASELINE - 10, 12, 12);
            }
            default -> {
            }
        }
    }

    private void remember(double from, double to) {
        if (occupiedCount * 2 + 2 > occupied.length) {
            occupied = java.util.Arrays.copyOf(occupied, occupied.length * 2);
        }
        occupied[occupiedCount * 2] = from;
        occupied[occupiedCount * 2 + 1] = to;
        occupiedCount++;
    }

    private boolean overlaps(double from, double to) {
        for (int i = 0; i < occupiedCount; i++) {
            if (from < occupied[i * 2 + 1] + MIN_LABEL_GAP && to + MIN_LABEL_GAP > occupied[i * 2]) {
                return true;
            }
        }
        return false;
    }

    /** A byte count for people: "5 B", "1.5 kB", "20 MB". */
    public static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        if (n < 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f kB", n / 1e3);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", n / 1e6);
    }

    /**
     * Draws a label as {@code gc.fillText} would, with the context's font, fill and alignment: copied
     * from {@link TextSprites} where a canvas pixel is a device pixel, laid out anew elsewhere.
     */
    private void text(String text, double x, double y) {
        if (!(devicePixels && gc.getFill() instanceof Color colour
                && textSprites.draw(gc, text, gc.getFont(), colour, gc.getTextAlign(), x, y))) {
            gc.fillText(text, x, y);
        }
    }

    /** A text's width, estimated (no layout per frame): good enough to avoid overlapping labels. */
    static double textWidth(String text, double size) {
        return text.length() * size * 0.6;
    }

    /**
     * A vertical line of {@code width} centred on pixel column {@code x} lands on, filled with the
     * current fill: a rectangle, which the software pipeline fills far faster than it strokes a line.
     */
    private void vline(double x, double y0, double y1, double width) {
        gc.fillRect(snap(x) - width / 2, y0, width, y1 - y0);
    }

    /** A horizontal line, as {@link #vline}. */
    private void hline(double x0, double x1, double y, double width) {
        gc.fillRect(x0, snap(y) - width / 2, x1 - x0, width);
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }
}
