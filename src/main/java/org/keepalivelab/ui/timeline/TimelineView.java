package org.keepalivelab.ui.timeline;

import java.util.function.IntFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The live timeline: a canvas drawn by {@link TimelineRenderer} from a {@link TimelineModel}, following
 * live time until the user moves it, and a scroll bar over its lanes. Hovering a mark shows its
 * details, clicking one selects its lane and pins the details; selecting a connection from anywhere
 * (here, the window's list or combo box) scrolls the least that shows its lane.
 * <ul>
 * <li>Wheel over the time area, or Ctrl+wheel anywhere, zooms (by as much as the wheel turned); the
 * wheel over the lane names at the left, or Shift+wheel anywhere, scrolls the lanes.</li>
 * <li>+/− zoom, drag or ←/→ pan, L (or End) follows live time, A (or Home) shows the whole lab.</li>
 * <li>↑/↓ scroll the lanes a step, PgUp/PgDn a page; [ and ] (or Ctrl+↑/↓) select the previous or
 * next connection.</li>
 * <li>C switches compact lanes on or off ({@link #compactLanesProperty()}): a line each, so twenty
 * connections fit where three full lanes do; the selected lane stays in full while every lane still
 * fits.</li>
 * </ul>
 */
public final class TimelineView extends Region {
    private static final long FRAME_NANOS = 33_000_000;
    private static final double DRAG_THRESHOLD = 4;
    /** The span's factor for one step in (a wheel notch towards the user, the + key); out, its inverse. */
    private static final double ZOOM_PER_NOTCH = 0.8;

    private final TimelineModel model;
    private final Viewport viewport = new Viewport();
    private final TimelineRenderer renderer = new TimelineRenderer();
    private final Canvas canvas = new Canvas();
    private final LaneScroll lanes = new LaneScroll();
    private final MarkHover hover;
    private final IntegerProperty selectedConn = new SimpleIntegerProperty(this, "selectedConn", 0);
    private final BooleanProperty compactLanes = new SimpleBooleanProperty(this, "compactLanes", false);
    private TimelinePalette palette;
    private IntFunction<String> laneTitle = conn -> "";
    private LaneDetections detections = LaneDetections.NONE;

    private long now;
    private long drawnAt = Long.MIN_VALUE;
    private long drawnVersion = -1;
    private boolean dirty = true;
    private double pressX;
    private long pressStart;
    private boolean dragging;

    public TimelineView(TimelineModel model, TimelinePalette palette) {
        this.model = model;
        this.palette = palette;
        getStyleClass().add("timeline-view");
        setFocusTraversable(true);
        lanes.bar().valueProperty().addListener((obs, was, is) -> dirty = true);
        hover = new MarkHover(this, model);
        getChildren().addAll(canvas, lanes.bar(), hover.label());
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHovered(null, 0, 0));
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        addEventHandler(KeyEvent.KEY_TYPED, this::onTyped);
        selectedConn.addListener((obs, was, is) -> {
            dirty = true;
            lanes.revealSelected();
            layOutLanes();
        });
        compactLanes.addListener((obs, was, is) -> {
            dirty = true;
            layOutLanes();
        });
    }

    public Viewport viewport() {
        return viewport;
    }

    public TimelineModel model() {
        return model;
    }

    /** The connection whose lane is highlighted; the controls act on it. */
    public IntegerProperty selectedConnProperty() {
        return selectedConn;
    }

    /**
     * Whether every lane is compact: one line each, both sides' marks on it between thin kernel bands,
     * no words (the details on hover have them); the selected lane stays in full while every lane still
     * fits. Off by default: a full lane shows what each application saw.
     */
    public BooleanProperty compactLanesProperty() {
        return compactLanes;
    }

    /** The details of the mark last clicked, which stay shown, kept current as events come in; null for none. */
    public ReadOnlyStringProperty pinnedDetailsProperty() {
        return hover.pinnedDetails();
    }

    public TimelinePalette palette() {
        return palette;
    }

    public void setPalette(TimelinePalette palette) {
        this.palette = palette;
        dirty = true;
    }

    public void setLaneTitle(IntFunction<String> laneTitle) {
        this.laneTitle = laneTitle;
        dirty = true;
    }

    /** The title drawn over connection {@code conn}'s lane. */
    public String laneTitle(int conn) {
        return laneTitle.apply(conn);
    }

    /** Brackets {@code detections} on their lanes from the next frame; the details word a probe a middlebox answered as its. */
    public void setDetections(LaneDetections detections) {
        this.detections = detections;
        hover.explained(detections);
        dirty = true;
    }

    /**
     * Brings the moment {@code t} (lab time, ns) into view: where the window shows it already (away from
     * its edges), nothing moves; else the window, at its span, centres on it and stops following live.
     */
    public void reveal(long t) {
        viewport.reveal(t, now);
    }

    /** What the view shows now: its window, its lanes on screen, the selected connection. */
    public VisibleWindow visibleWindow() {
        long start = viewport.start(now);
        return VisibleWindow.of(start, start + viewport.span(), geometry(), model.lanes().size(), selectedConn.get());
    }

    /** One animation frame: takes in the lab's new events and redraws if anything visible changed. */
    public void frame(long labNow) {
        this.now = labNow;
        pull();
        viewport.reach(Math.max(labNow, model.lastT()));
        layOutLanes();
        boolean liveTick = viewport.following() && labNow - drawnAt >= FRAME_NANOS;
        if (dirty || liveTick || viewport.version() != drawnVersion) {
            draw();
        }
    }

    /**
     * Takes in the lab's new events now, not at the next frame, for a reader of {@link #model()} that
     * needs it current (the PNG export); the next frame draws them. The hovered and pinned marks' details
     * are worded again, as new events change them (a band that ended says for how long it lasted).
     */
    public void pull() {
        if (model.pull()) {
            dirty = true;
            hover.reword();
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 2 || h < 2) {
            return;
        }
        var geo = geometry();
        long t0 = viewport.start(now);
        var frame = new RenderFrame(t0, viewport.end(now), now, true, geo.scrollY(), selectedConn.get(),
                laneTitle, hover.highlight(), detections);
        renderer.draw(canvas.getGraphicsContext2D(), geo, model, frame, palette);
        drawnAt = now;
        drawnVersion = viewport.version();
        dirty = false;
    }

    private LaneGeometry geometry() {
        return new LaneGeometry(canvas.getWidth(), canvas.getHeight(), lanes.value(), lanes.heights());
    }

    /**
     * Lays the lanes out for the canvas as it is now: their heights and the scroll bar's range, and
     * brings the selected lane into view if it is to be.
     */
    private void layOutLanes() {
        if (lanes.update(model.lanes().size(), canvas.getHeight(), compactLanes.get(), selectedConn.get() - 1)) {
            requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        var bar = lanes.bar();
        double scroll = bar.isVisible() ? bar.prefWidth(-1) : 0;
        double w = Math.max(0, getWidth() - scroll);
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        canvas.relocate(0, 0);
        bar.resizeRelocate(w, 0, scroll, h);
        hover.label().autosize();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 420;
    }

    private long timeAt(double x) {
        var geo = geometry();
        return viewport.start(now) + (long) ((x - geo.plotLeft()) / geo.plotWidth() * viewport.span());
    }

    /**
     * Over the time area the wheel zooms by {@link #ZOOM_PER_NOTCH} a notch (a delta of the event's
     * multiplier, 40 by default) and a trackpad's finer deltas by as much less; a swipe's momentum does
     * not zoom, or one swipe would zoom dozens of notches. Over the lane names it scrolls the lanes, as
     * Shift+wheel does anywhere (macOS sends Shift+wheel as a horizontal scroll); Ctrl+wheel zooms anywhere.
     */
    private void onScroll(ScrollEvent e) {
        double delta = e.isShiftDown() && e.getDeltaY() == 0 ? e.getDeltaX() : e.getDeltaY();
        if (delta == 0) {
            return;
        }
        boolean overNames = e.getX() < LaneGeometry.GUTTER;
        if (e.isShiftDown() || overNames && !e.isControlDown()) {
            lanes.scrollBy(-delta);
        } else if (!e.isInertia()) {
            viewport.zoom(Math.pow(ZOOM_PER_NOTCH, delta / e.getMultiplierY()), timeAt(e.getX()), now);
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        pressX = e.getX();
        pressStart = viewport.start(now);
        dragging = false;
    }

    private void onDragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        double dx = e.getX() - pressX;
        if (!dragging && Math.abs(dx) < DRAG_THRESHOLD) {
            return;
        }
        dragging = true;
        long shift = (long) (-dx / geometry().plotWidth() * viewport.span());
        viewport.pan(pressStart + shift - viewport.start(now), now);
        setHovered(null, 0, 0);
    }

    private void onReleased(MouseEvent e) {
        if (dragging || e.getButton() != MouseButton.PRIMARY) {
            dragging = false;
            return;
        }
        var hit = hitAt(e.getX(), e.getY());
        if (hit != null) {
            selectedConn.set(hit.conn());
            hover.pin(hit instanceof Hit.Lane ? null : hit);
            dirty = true;
        }
    }

    private void onMoved(MouseEvent e) {
        var hit = hitAt(e.getX(), e.getY());
        setHovered(hit instanceof Hit.Lane ? null : hit, e.getX(), e.getY());
    }

    /**
     * What lies at a point of the canvas, or {@code null}: found in the layout the renderer draws,
     * laid out now if the window moved since the last frame.
     */
    public Hit hitAt(double x, double y) {
        return HitTest.at(renderer.layOut(model, geometry(), viewport.start(now), viewport.end(now), now, detections), x, y);
    }

    private void setHovered(Hit hit, double x, double y) {
        if (hover.hover(hit, x, y, getWidth(), getHeight())) {
            dirty = true;
        }
    }

    private void onKey(KeyEvent e) {
        boolean handled = e.isControlDown() ? actWithCtrl(e.getCode()) : !isBracket(e.getCode()) && act(e.getCode());
        if (handled) {
            e.consume();
        }
    }

    /** [ and ] by the character typed, so they work on every keyboard layout (some type them with AltGr). */
    private void onTyped(KeyEvent e) {
        boolean handled = switch (e.getCharacter()) {
            case "[" -> act(KeyCode.OPEN_BRACKET);
            case "]" -> act(KeyCode.CLOSE_BRACKET);
            default -> false;
        };
        if (handled) {
            e.consume();
        }
    }

    /** The bracket keys, handled by the character they type ({@link #onTyped}), not by their key code. */
    private static boolean isBracket(KeyCode code) {
        return code == KeyCode.OPEN_BRACKET || code == KeyCode.CLOSE_BRACKET;
    }

    private boolean actWithCtrl(KeyCode code) {
        return switch (code) {
            case UP -> act(KeyCode.OPEN_BRACKET);
            case DOWN -> act(KeyCode.CLOSE_BRACKET);
            default -> false;
        };
    }

    /** Does what the key {@code code} stands for; false for a key that means nothing here. */
    private boolean act(KeyCode code) {
        long span = viewport.span();
        switch (code) {
            case PLUS, ADD, EQUALS -> viewport.zoom(ZOOM_PER_NOTCH, viewport.start(now) + span / 2, now);
            case MINUS, SUBTRACT -> viewport.zoom(1 / ZOOM_PER_NOTCH, viewport.start(now) + span / 2, now);
            case LEFT -> viewport.pan(-span / 10, now);
            case RIGHT -> viewport.pan(span / 10, now);
            case UP -> lanes.scrollBy(-lanes.step());
            case DOWN -> lanes.scrollBy(lanes.step());
            case PAGE_UP -> lanes.scrollBy(-lanes.page());
            case PAGE_DOWN -> lanes.scrollBy(lanes.page());
            case OPEN_BRACKET -> selectNext(-1);
            case CLOSE_BRACKET -> selectNext(1);
            case C -> compactLanes.set(!compactLanes.get());
            case L, END -> viewport.followLive();
            case A, HOME -> showAll();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Selects the connection {@code step} lanes after the selected one (before, negative), within the lanes. */
    private void selectNext(int step) {
        int count = model.lanes().size();
        if (count > 0) {
            int at = selectedConn.get();
            selectedConn.set(at < 1 || at > count ? (step > 0 ? 1 : count) : Math.clamp(at + step, 1, count));
        }
    }

    /** Shows the whole lab, from its start to now. */
    public void showAll() {
        viewport.reach(Math.max(now, model.lastT()));
        viewport.show(0, Math.max(now, model.lastT()));
    }

    /** Pins a mark's details, as a click on it would. */
    public void pin(Hit hit) {
        selectedConn.set(hit.conn());
        hover.pin(hit);
        dirty = true;
    }

    /** Does what a key does, for the view's buttons. */
    public void press(KeyCode code) {
        act(code);
    }
}
