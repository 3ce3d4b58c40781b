package org.keepalivelab.ui.timeline;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Affine;
import javafx.stage.Screen;

/**
 * What the timeline's painters draw with: a canvas and its palette for one frame. Lines are
 * rectangles snapped to pixel columns and rows (the software pipeline fills a rectangle far faster
 * than it strokes a line, and a snapped line is sharp); where a canvas pixel is a device pixel, marks
 * and labels are copied from {@link MarkSprites} and {@link TextSprites} rather than drawn anew.
 */
final class Pen {
    private final Affine transform = new Affine();
    private final TextSprites texts = new TextSprites();
    private MarkSprites marks;
    private double screenScale;
    private GraphicsContext gc;
    private TimelinePalette palette;
    private boolean devicePixels;

    /** Starts a frame on {@code gc} in {@code palette}. */
    void begin(GraphicsContext gc, TimelinePalette palette) {
        this.gc = gc;
        this.palette = palette;
        devicePixels = onDevicePixels(gc);
        marks = devicePixels ? MarkSprites.of(marks, palette) : null;
        texts.newFrame();
    }

    GraphicsContext gc() {
        return gc;
    }

    TimelinePalette palette() {
        return palette;
    }

    Color colour(PaletteRole role) {
        return palette.get(role);
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

    /** Draws a label as {@code gc.fillText} would, with the context's font, fill and alignment. */
    void text(String text, double x, double y) {
        if (!(devicePixels && gc.getFill() instanceof Color colour
                && texts.draw(gc, text, gc.getFont(), colour, gc.getTextAlign(), x, y))) {
            gc.fillText(text, x, y);
        }
    }

    /**
     * Draws entry {@code k}'s words, where it has any, as {@link #text} does on {@code baseline}: right
     * of its line, or right-aligned left of it.
     */
    void words(LinedMarks marks, int k, double baseline) {
        if (marks.label(k) != null) {
            gc.setTextAlign(marks.labelAlignment(k));
            text(marks.label(k), marks.labelX(k), baseline);
            gc.setTextAlign(TextAlignment.LEFT);
        }
    }

    /** A mark's glyph centred on {@code x, y}. */
    void mark(MarkKind mark, double x, double y) {
        if (marks != null) {
            marks.draw(gc, mark, x, y);
        } else {
            MarkGlyphs.draw(gc, mark, x, y, palette);
        }
    }

    /** The cross of a segment a sever dropped, centred on {@code x, y}. */
    void dropped(double x, double y) {
        if (marks != null) {
            marks.dropped(gc, x, y);
        } else {
            MarkGlyphs.dropped(gc, x, y, palette);
        }
    }

    /** A vertical line of {@code width} centred on the pixel column {@code x} lands on, in the current fill. */
    void vline(double x, double y0, double y1, double width) {
        gc.fillRect(snap(x) - width / 2, y0, width, y1 - y0);
    }

    /** A horizontal line, as {@link #vline}. */
    void hline(double x0, double x1, double y, double width) {
        gc.fillRect(x0, snap(y) - width / 2, x1 - x0, width);
    }

    /** The centre of the pixel {@code v} lands on. */
    static double snap(double v) {
        return Math.floor(v) + 0.5;
    }
}
