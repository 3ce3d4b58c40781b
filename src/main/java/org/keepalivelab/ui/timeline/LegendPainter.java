package org.keepalivelab.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.keepalivelab.model.TcpState;

/**
 * The legend: every mark's glyph, a sever's cross, the state bands' colours, the application's
 * outcomes and the user's actions, flowed into rows. The live view and the PNG export draw the same.
 */
public final class LegendPainter {
    private static final double ROW_HEIGHT = 22;
    private static final double ITEM_GAP = 22;
    private static final double SWATCH = 22;

    private sealed interface Item {
        String label();
    }

    private record Mark(MarkKind kind, String label) implements Item {
    }

    private record Dropped(String label) implements Item {
    }

    private record Band(TcpState state, String label, boolean inferred) implements Item {
        Band(TcpState state, String label) {
            this(state, label, false);
        }
    }

    private record Line(PaletteRole role, String label, boolean dashed) implements Item {
    }

    private static final List<Item> ITEMS = items();

    private static List<Item> items() {
        var items = new ArrayList<Item>();
        for (var kind : MarkKind.values()) {
            items.add(new Mark(kind, kind.label()));
        }
        items.add(new Dropped("lost to a sever"));
        items.add(new Band(TcpState.ESTABLISHED, "ESTABLISHED"));
        items.add(new Band(TcpState.CLOSE_WAIT, "CLOSE_WAIT / LAST_ACK"));
        items.add(new Band(TcpState.FIN_WAIT2, "FIN_WAIT1/2"));
        items.add(new Band(TcpState.TIME_WAIT, "TIME_WAIT"));
        items.add(new Band(TcpState.CLOSED, "CLOSED"));
        items.add(new Band(TcpState.ESTABLISHED, "state inferred from a capture", true));
        items.add(new Line(PaletteRole.EOF, "app: EOF", false));
        items.add(new Line(PaletteRole.ERROR, "app: error", false));
        items.add(new Line(PaletteRole.ACTION, "your action", true));
        return items;
    }

    private LegendPainter() {
    }

    /** The height the legend needs across {@code width} pixels. */
    public static double height(double width) {
        return layout(width, null, 0, 0, null);
    }

    /** Draws the legend with its top-left corner at ({@code x}, {@code y}); returns its height. */
    public static double draw(GraphicsContext gc, double x, double y, double width, TimelinePalette palette) {
        gc.save();
        gc.setFont(TimelineFonts.LEGEND);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        double h = layout(width, gc, x, y, palette);
        gc.restore();
        return h;
    }

    private static double layout(double width, GraphicsContext gc, double x0, double y0, TimelinePalette palette) {
        double x = 0;
        double y = 0;
        for (var item : ITEMS) {
            double w = SWATCH + 6 + TimelineFonts.width(item.label(), TimelineFonts.LEGEND);
            if (x > 0 && x + w > width) {
                x = 0;
                y += ROW_HEIGHT;
            }
            if (gc != null) {
                item(gc, item, x0 + x, y0 + y + ROW_HEIGHT / 2, palette);
            }
            x += w + ITEM_GAP;
        }
        return y + ROW_HEIGHT;
    }

    private static void item(GraphicsContext gc, Item item, double x, double cy, TimelinePalette palette) {
        double sx = x + SWATCH / 2;
        switch (item) {
            case Mark m -> MarkGlyphs.draw(gc, m.kind(), sx, cy, palette);
            case Dropped d -> MarkGlyphs.dropped(gc, sx, cy, palette);
            case Band b -> {
                gc.setFill(palette.state(b.state()));
                gc.setGlobalAlpha(b.inferred() ? BandPainter.INFERRED_ALPHA : 1);
                gc.fillRect(x, cy - 7, SWATCH, 14);
                gc.setGlobalAlpha(1);
                if (b.inferred()) {
                    gc.setStroke(palette.get(PaletteRole.MUTED));
                    gc.setLineWidth(1);
                    gc.setLineDashes(3, 3);
                    gc.strokeLine(x, cy - 6.5, x + SWATCH, cy - 6.5);
                    gc.setLineDashes((double[]) null);
                }
                gc.setStroke(palette.get(PaletteRole.GRID));
                gc.setLineWidth(1);
                gc.strokeRect(x + 0.5, cy - 6.5, SWATCH - 1, 13);
            }
            case Line l -> {
                gc.setStroke(palette.get(l.role()));
                gc.setLineWidth(2);
                if (l.dashed()) {
                    gc.setLineDashes(4, 3);
                }
                gc.strokeLine(sx, cy - 8, sx, cy + 8);
                gc.setLineDashes((double[]) null);
            }
        }
        gc.setFill(palette.get(PaletteRole.TEXT));
        gc.setFont(TimelineFonts.LEGEND);
        gc.fillText(item.label(), x + SWATCH + 6, cy);
    }
}
