package org.keepalivelab.ui.timeline;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.transform.Affine;

/**
 * Clips a canvas to a rectangle that falls on whole device pixels. JavaFX's canvas clips cheaply only
 * to such a rectangle; any other clip (a fractional width, or a whole-number one under a scale such as
 * a PNG export's 2.74) makes it draw every later shape into an offscreen buffer of the canvas's size,
 * cleared each time, and blend it back through a mask: seconds for a frame of thousands of marks.
 * The rectangle is rounded outwards to device pixels, so nothing inside it is lost.
 */
public final class PixelClip {
    private final Affine transform = new Affine();

    /** Intersects {@code gc}'s clip with {@code x, y, w, h} (user space), snapped out to device pixels. */
    public void clip(GraphicsContext gc, double x, double y, double w, double h) {
        gc.getTransform(transform);
        gc.beginPath();
        if (transform.getMxy() == 0 && transform.getMyx() == 0 && transform.getMxx() > 0 && transform.getMyy() > 0) {
            double sx = transform.getMxx();
            double sy = transform.getMyy();
            double tx = transform.getTx();
            double ty = transform.getTy();
            double x0 = Math.floor(x * sx + tx + 1e-3);
            double y0 = Math.floor(y * sy + ty + 1e-3);
            double x1 = Math.ceil((x + w) * sx + tx - 1e-3);
            double y1 = Math.ceil((y + h) * sy + ty - 1e-3);
            gc.rect((x0 - tx) / sx, (y0 - ty) / sy, (x1 - x0) / sx, (y1 - y0) / sy);
        } else {
            gc.rect(x, y, w, h); // rotated or mirrored: no cheap clip whatever we do
        }
        gc.closePath();
        gc.clip();
    }
}
