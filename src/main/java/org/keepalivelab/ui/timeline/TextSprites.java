package org.keepalivelab.ui.timeline;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The timeline's labels, each painted once into an image and copied thereafter. A canvas lays out
 * every text it is given anew (a {@code java.text.Bidi} analysis, glyph runs, bounds): hundreds of
 * kilobytes of garbage a frame, whose collections land in frames and pass their budget. The labels
 * repeat from frame to frame ("ESTABLISHED", "2 unanswered", "1.5 s"), so a bounded cache of images
 * turns them into copies. Painted by the same canvas text call, so they look the same. Used, like
 * {@link MarkSprites}, only where a canvas pixel is a device pixel. A few new images a frame at most:
 * painting one costs about a millisecond, and the window's first frame must not wait for fifty.
 * FX thread only.
 */
final class TextSprites {
    private static final int CAPACITY = 2048;
    private static final double PAD = 2;
    private static final int NEW_PER_FRAME = 8;

    private record Key(String text, Font font, Color colour) {
    }

    /** A label's image and where its baseline's left end sits inside it. */
    private record Sprite(Image image, double width, double baseline) {
    }

    private final Canvas scratch = new Canvas(1, 1);
    private final SnapshotParameters transparent = new SnapshotParameters();
    private final Map<Key, Sprite> sprites = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Sprite> eldest) {
            return size() > CAPACITY;
        }
    };

    private int budget;

    TextSprites() {
        transparent.setFill(Color.TRANSPARENT);
    }

    /** A new frame may paint a few new images. */
    void newFrame() {
        budget = NEW_PER_FRAME;
    }

    /**
     * Copies {@code text} as {@code gc.fillText} would draw it at {@code x}, {@code y} (baseline) with
     * {@code align}, snapped to whole pixels; false when this frame may paint no new image for it (the
     * caller then draws the text itself).
     */
    boolean draw(GraphicsContext gc, String text, Font font, Color colour, TextAlignment align, double x, double y) {
        var key = new Key(text, font, colour);
        var sprite = sprites.get(key);
        if (sprite == null) {
            if (budget == 0) {
                return false;
            }
            budget--;
            sprite = paint(key);
            sprites.put(key, sprite);
        }
        double left = switch (align) {
            case CENTER -> x - sprite.width() / 2;
            case RIGHT -> x - sprite.width();
            default -> x;
        };
        gc.drawImage(sprite.image(), Math.round(left - PAD), Math.round(y - sprite.baseline()));
        return true;
    }

    private Sprite paint(Key key) {
        var measure = new Text(key.text());
        measure.setFont(key.font());
        var bounds = measure.getLayoutBounds();
        double baseline = Math.ceil(-bounds.getMinY()) + PAD;
        scratch.setWidth(Math.ceil(bounds.getWidth() + 2 * PAD));
        scratch.setHeight(Math.ceil(bounds.getHeight() + 2 * PAD));
        var gc = scratch.getGraphicsContext2D();
        gc.clearRect(0, 0, scratch.getWidth(), scratch.getHeight());
        gc.setFont(key.font());
        gc.setFill(key.colour());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BASELINE);
        gc.fillText(key.text(), PAD, baseline);
        return new Sprite(scratch.snapshot(transparent, null), bounds.getWidth(), baseline);
    }
}
