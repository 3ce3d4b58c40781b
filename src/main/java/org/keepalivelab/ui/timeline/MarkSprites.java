package org.keepalivelab.ui.timeline;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/**
 * Each mark's glyph ({@link MarkGlyphs}) painted once into a small image, for one palette. On the
 * software pipeline a glyph costs 4-8 µs as a shape (path set-up, antialiased coverage), half a
 * microsecond as an image copied to whole pixels: a zoomed-out frame has thousands. Used only where
 * a canvas pixel is a device pixel (the live view at scale 1); elsewhere the renderer paints shapes.
 * FX thread only.
 */
final class MarkSprites {
    /** Side of each sprite, px; the glyph's centre is at {@link #CENTRE}, {@link #CENTRE}. */
    static final int SIZE = 18;
    static final int CENTRE = SIZE / 2;

    private final TimelinePalette palette;
    private final Image[] marks = new Image[MarkKind.values().length];
    private final Image dropped;

    private MarkSprites(TimelinePalette palette) {
        this.palette = palette;
        var canvas = new Canvas(SIZE, SIZE);
        var params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        for (var mark : MarkKind.values()) {
            marks[mark.ordinal()] = paint(canvas, params, gc -> MarkGlyphs.draw(gc, mark, CENTRE, CENTRE, palette));
        }
        dropped = paint(canvas, params, gc -> MarkGlyphs.dropped(gc, CENTRE, CENTRE, palette));
    }

    /** The sprites for {@code palette}: {@code current} if it was made for it, else new ones. */
    static MarkSprites of(MarkSprites current, TimelinePalette palette) {
        return current != null && current.palette == palette ? current : new MarkSprites(palette);
    }

    private static Image paint(Canvas canvas, SnapshotParameters params, java.util.function.Consumer<GraphicsContext> glyph) {
        var gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, SIZE, SIZE);
        gc.save();
        glyph.accept(gc);
        gc.restore();
        return canvas.snapshot(params, null);
    }

    /** Paints {@code mark} centred on the whole pixel nearest {@code x, y}. */
    void draw(GraphicsContext gc, MarkKind mark, double x, double y) {
        gc.drawImage(marks[mark.ordinal()], Math.round(x) - CENTRE, Math.round(y) - CENTRE);
    }

    /** Paints the dropped cross centred on the whole pixel nearest {@code x, y}. */
    void dropped(GraphicsContext gc, double x, double y) {
        gc.drawImage(dropped, Math.round(x) - CENTRE, Math.round(y) - CENTRE);
    }
}
