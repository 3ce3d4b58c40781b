package org.keepalivelab.ui.timeline;

import java.util.Objects;
import java.util.function.IntFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The live timeline: a canvas drawn by {@link TimelineRenderer} from a {@link TimelineModel}, following
 * live time until the user moves it. Wheel or +/− zooms, drag or arrows pan, L (or End) returns to live
 * follow, A shows the whole lab; hovering a mark shows its details, clicking one selects its lane and
 * pins the details.
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
    private final ScrollBar laneScroll = new ScrollBar();
    private final Label hover = new Label();
    private final IntegerProperty selectedConn = new SimpleIntegerProperty(this, "selectedConn", 0);
    private final ReadOnlyStringWrapper pinnedDetails = new ReadOnlyStringWrapper(this, "pinnedDetails");
    private TimelinePalette palette;
    private IntFunction<String> laneTitle = conn -> "";
    private Hit hovered;
    private Hit pinned;

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
        laneScroll.setOrientation(Orientation.VERTICAL);
        laneScroll.valueProperty().addListener((obs, was, is) -> dirty = true);
        hover.getStyleClass().add("timeline-hover");
        hover.setVisible(false);
        hover.setManaged(false);
        hover.setMouseTransparent(true);
        hover.setWrapText(true);
        hover.setMaxWidth(460);
        getChildren().addAll(canvas, laneScroll, hover);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHovered(null, 0, 0));
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        selectedConn.addListener((obs, was, is) -> dirty = true);
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

    /** The details of the mark last clicked, which stay shown, kept current as events come in; null for none. */
    public ReadOnlyStringProperty pinnedDetailsProperty() {
        return pinnedDetails.getReadOnlyProperty();
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

    /** What the view shows now: its window, its lanes on screen, the selected connection. */
    public VisibleWindow visibleWindow() {
        long start = viewport.start(now);
        return VisibleWindow.of(start, start + viewport.span(), geometry(), model.lanes().size(), selectedConn.get());
    }

    /** One animation frame: takes in the lab's new events and redraws if anything visible changed. */
    public void frame(long labNow) {
        this.now = labNow;
        pull();
        updateScroll();
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
            if (hovered != null) {
                hover.setText(MarkDetails.describe(hovered, model));
            }
            setPinned(pinned);
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
        var frame = new RenderFrame(t0, t0 + viewport.span(), now, true, geo.scrollY(), selectedConn.get(),
                laneTitle, hovered != null ? hovered : pinned);
        renderer.draw(canvas.getGraphicsContext2D(), geo, model, frame, palette);
        drawnAt = now;
        drawnVersion = viewport.version();
        dirty = false;
    }

    private LaneGeometry geometry() {
        return new LaneGeometry(canvas.getWidth(), canvas.getHeight(), laneScroll.isVisible() ? laneScroll.getValue() : 0);
    }

    private void updateScroll() {
        double content = LaneGeometry.contentHeight(model.lanes().size());
        double overflow = Math.max(0, content - canvas.getHeight());
        boolean needed = overflow > 0;
        if (laneScroll.isVisible() != needed) {
            laneScroll.setVisible(needed);
            requestLayout();
        }
        if (laneScroll.getMax() != overflow) {
            laneScroll.setMax(overflow);
            laneScroll.setVisibleAmount(canvas.getHeight() * overflow / Math.max(1, content));
            laneScroll.setUnitIncrement(LaneGeometry.LANE_HEIGHT / 4);
        }
    }

    @Override
    protected void layoutChildren() {
        double scroll = laneScroll.isVisible() ? laneScroll.prefWidth(-1) : 0;
        double w = Math.max(0, getWidth() - scroll);
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        canvas.relocate(0, 0);
        laneScroll.resizeRelocate(w, 0, scroll, h);
        hover.autosize();
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
     * The wheel zooms by {@link #ZOOM_PER_NOTCH} a notch (a delta of the event's multiplier, 40 by default)
     * and a trackpad's finer deltas by as much less; a swipe's momentum does not zoom, or one swipe would
     * zoom dozens of notches. Shift or Ctrl scrolls the lanes; macOS sends Shift+wheel as a horizontal scroll.
     */
    private void onScroll(ScrollEvent e) {
        double delta = e.isShiftDown() && e.getDeltaY() == 0 ? e.getDeltaX() : e.getDeltaY();
        if (delta == 0) {
            return;
        }
        if (e.isShiftDown() || e.isControlDown()) {
            laneScroll.setValue(clampScroll(laneScroll.getValue() - delta));
        } else if (!e.isInertia()) {
            viewport.zoom(Math.pow(ZOOM_PER_NOTCH, delta / e.getMultiplierY()), timeAt(e.getX()), now);
        }
        e.consume();
    }

    private double clampScroll(double v) {
        return Math.max(0, Math.min(laneScroll.getMax(), v));
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
            setPinned(hit instanceof Hit.Lane ? null : hit);
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
        return HitTest.at(renderer.layOut(model, geometry(), viewport.start(now), viewport.end(now), now), x, y);
    }

    private void setHovered(Hit hit, double x, double y) {
        if (Objects.equals(hit, hovered) && (hit == null || hover.isVisible())) {
            if (hit != null) {
                placeHover(x, y);
            }
            return;
        }
        hovered = hit;
        dirty = true;
        if (hit == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText(MarkDetails.describe(hit, model));
        hover.setVisible(true);
        hover.applyCss();
        hover.autosize();
        placeHover(x, y);
    }

    private void placeHover(double x, double y) {
        double w = hover.getWidth();
        double h = hover.getHeight();
        double px = x + 16 + w > getWidth() ? x - 16 - w : x + 16;
        double py = y + 16 + h > getHeight() ? y - 12 - h : y + 16;
        hover.relocate(Math.max(0, px), Math.max(0, py));
    }

    private void onKey(KeyEvent e) {
        if (act(e.getCode())) {
            e.consume();
        }
    }

    /** Does what the key {@code code} stands for; false for a key that means nothing here. */
    private boolean act(KeyCode code) {
        long span = viewport.span();
        switch (code) {
            case PLUS, ADD, EQUALS -> viewport.zoom(ZOOM_PER_NOTCH, viewport.start(now) + span / 2, now);
            case MINUS, SUBTRACT -> viewport.zoom(1 / ZOOM_PER_NOTCH, viewport.start(now) + span / 2, now);
            case LEFT -> viewport.pan(-span / 10, now);
            case RIGHT -> viewport.pan(span / 10, now);
            case UP -> laneScroll.setValue(clampScroll(laneScroll.getValue() - LaneGeometry.LANE_HEIGHT / 2));
            case DOWN -> laneScroll.setValue(clampScroll(laneScroll.getValue() + LaneGeometry.LANE_HEIGHT / 2));
            case L, END -> viewport.followLive();
            case A, HOME -> showAll();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Shows the whole lab, from its first event to now. */
    public void showAll() {
        viewport.show(Math.min(0, model.firstT()), Math.max(now, model.lastT()));
    }

    /** Pins a mark's details, as a click on it would. */
    public void pin(Hit hit) {
        selectedConn.set(hit.conn());
        setPinned(hit);
    }

    private void setPinned(Hit hit) {
        pinned = hit;
        pinnedDetails.set(hit == null ? null : MarkDetails.describe(hit, model));
        dirty = true;
    }

    /** Does what a key does, for the view's buttons. */
    public void press(KeyCode code) {
        act(code);
    }
}
