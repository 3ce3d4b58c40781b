package org.keepalivelab.ui.timeline;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;

/** Paints one mark's glyph; the timeline and its legend share it, so they always match. */
final class MarkGlyphs {
    private static final double[] XS = new double[8];
    private static final double[] YS = new double[8];

    private MarkGlyphs() {
    }

    static void draw(GraphicsContext gc, MarkKind mark, double x, double y, TimelinePalette palette) {
        var colour = palette.mark(mark);
        gc.setFill(colour);
        gc.setStroke(colour);
        switch (mark) {
            case SYN -> polygon(gc, x, y, new double[] {0, 6, 0, -6}, new double[] {-6, 0, 6, 0}, true);
            case DATA -> gc.fillRoundRect(x - 4, y - 7, 8, 14, 3, 3);
            case ACK -> gc.fillOval(x - 2.5, y - 2.5, 5, 5);
            case FIN -> polygon(gc, x, y, new double[] {-6, 6, 0}, new double[] {5, 5, -6.5}, true);
            case RST -> octagon(gc, x, y, 6.8);
            case PROBE_ANSWERED -> gc.fillOval(x - 5.5, y - 5.5, 11, 11);
            case PROBE_UNANSWERED -> {
                gc.setFill(palette.get(PaletteRole.PLOT));
                gc.fillOval(x - 5, y - 5, 10, 10);
                gc.setLineWidth(2.2);
                gc.strokeOval(x - 5, y - 5, 10, 10);
            }
            case PROBE_ACK -> gc.fillOval(x - 3.5, y - 3.5, 7, 7);
            case PROBE_INFERRED -> {
                // dashed: the lab did not see this segment, it only saw the kernel count it
                gc.setLineWidth(1.6);
                gc.setLineDashes(1.5, 3);
                gc.strokeOval(x - 5, y - 5, 10, 10);
                gc.setLineDashes();
            }
            case RETRANSMISSION -> {
                gc.fillRoundRect(x - 4, y - 7, 8, 14, 3, 3);
                gc.setStroke(palette.get(PaletteRole.PLOT));
                gc.setLineWidth(1.5);
                gc.strokeLine(x - 2.5, y, x + 2.5, y);
            }
            case ZERO_WINDOW_PROBE -> {
                gc.setLineWidth(2);
                polygon(gc, x, y, new double[] {0, 5.5, 0, -5.5}, new double[] {-5.5, 0, 5.5, 0}, false);
            }
            case WINDOW_UPDATE -> gc.fillRect(x - 2.5, y - 2.5, 5, 5);
        }
    }

    /** A red cross: the segment never reached its receiver (the lab severed the connection). */
    static void dropped(GraphicsContext gc, double x, double y, TimelinePalette palette) {
        gc.setStroke(palette.get(PaletteRole.DROPPED));
        gc.setLineWidth(2.2);
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.strokeLine(x - 4.5, y - 4.5, x + 4.5, y + 4.5);
        gc.strokeLine(x - 4.5, y + 4.5, x + 4.5, y - 4.5);
        gc.setLineCap(StrokeLineCap.SQUARE);
    }

    private static void octagon(GraphicsContext gc, double x, double y, double r) {
        for (int i = 0; i < 8; i++) {
            double a = Math.PI / 8 + i * Math.PI / 4;
            XS[i] = x + r * Math.cos(a);
            YS[i] = y + r * Math.sin(a);
        }
        gc.fillPolygon(XS, YS, 8);
    }

    private static void polygon(GraphicsContext gc, double x, double y, double[] dx, double[] dy, boolean fill) {
        for (int i = 0; i < dx.length; i++) {
            XS[i] = x + dx[i];
            YS[i] = y + dy[i];
        }
        if (fill) {
            gc.fillPolygon(XS, YS, dx.length);
        } else {
            gc.strokePolygon(XS, YS, dx.length);
        }
    }
}
