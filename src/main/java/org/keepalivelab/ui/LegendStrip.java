package org.keepalivelab.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import org.keepalivelab.ui.timeline.LegendPainter;
import org.keepalivelab.ui.timeline.TimelineView;

/**
 * The legend under the timeline, drawn by the timeline's own painter in its palette, as wide as the
 * window lets it be (it wraps into more rows when narrow). A canvas, so built in code.
 */
final class LegendStrip extends Pane {
    private static final double INSET_X = 14;
    private static final double INSET_Y = 4;

    private final TimelineView timeline;
    private final Canvas legend = new Canvas();

    LegendStrip(TimelineView timeline) {
        this.timeline = timeline;
        getStyleClass().add("legend-strip");
        getChildren().add(legend);
        setMinHeight(48);
        setPrefHeight(48);
        widthProperty().addListener((obs, was, is) -> redraw());
    }

    /** Draws the legend again, for a new width or palette. */
    void redraw() {
        double w = Math.max(100, getWidth() - 2 * INSET_X);
        double h = LegendPainter.height(w);
        legend.setWidth(w);
        legend.setHeight(h);
        legend.relocate(INSET_X, INSET_Y);
        var gc = legend.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        LegendPainter.draw(gc, 0, 0, w, timeline.palette());
        setPrefHeight(h + 2 * INSET_Y);
        setMinHeight(h + 2 * INSET_Y);
    }
}
