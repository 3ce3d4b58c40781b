package org.keepalivelab.ui.timeline;

import java.util.function.Consumer;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Each mark's glyph ({@link MarkGlyphs}) painted once into a small image, for one palette. On the
 * software pipeline a glyph costs 4-8 µs as a shape (path set-up, antialiased coverage), half a
 * microsecond as an image copied to whole pixels: a zoomed-out frame has thousands. Used only where
 * a canvas pixel is a device pixel (the live view at scale 1); elsewhere the renderer paints shapes.
 * FX thread only.
 */
final class MarkSprites {
    /** Side of the canvas each glyph is painted on, px; the glyph's centre is at {@link #CENTRE}, {@link #CENTRE}. */
    private static final int SIZE = 18;
    private static final int CENTRE = SIZE / 2;

    private final TimelinePalette palette;
    private final Sprite[] marks = new Sprite[MarkKind.values().length];
    private final Sprite dropped;

    /** A glyph's image, cropped to its painted pixels, and where its top left sits from the centre. */
    private record Sprite(Image image, int dx, int dy) {
    }

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

    private static Sprite paint(Canvas canvas, SnapshotParameters params, Consumer<GraphicsContext> glyph) {
        var gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, SIZE, SIZE);
        gc.save();
        glyph.accept(gc);
        gc.restore();
        var full = canvas.snapshot(params, null);
        // crop to the painted pixels: copying an image costs by its area
        var pixels = full.getPixelReader();
        int x0 = SIZE;
        int y0 = SIZE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if ((pixels.getArgb(x, y) >>> 24) != 0) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return new Sprite(full, -CENTRE, -CENTRE);
        }
        return new Sprite(new WritableImage(pixels, x0, y0, x1 - x0 + 1, y1 - y0 + 1), x0 - CENTRE, y0 - CENTRE);
    }

    /** Paints {@code mark} centred on the whole pixel nearest {@code x, y}. */
    void draw(GraphicsContext gc, MarkKind mark, double x, double y) {
        draw(gc, marks[mark.ordinal()], x, y);
    }

    /** Paints the dropped cross centred on the whole pixel nearest {@code x, y}. */
    void dropped(GraphicsContext gc, double x, double y) {
        draw(gc, dropped, x, y);
    }

    private static void draw(GraphicsContext gc, Sprite sprite, double x, double y) {
        gc.drawImage(sprite.image(), Math.round(x) + sprite.dx(), Math.round(y) + sprite.dy());
    }
}
