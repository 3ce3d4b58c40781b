package org.keepalivelab.ui.timeline;

import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;

/**
 * The lanes' vertical place in the timeline: how tall each lane is (in full, or compact as the user
 * chose), the scroll bar over them, and the least scroll that brings a lane into view. The bar shows
 * only while the lanes overflow the canvas. FX thread only.
 */
final class LaneScroll {
    private final ScrollBar bar = new ScrollBar();
    private LaneHeights heights = LaneHeights.FULL;
    private double viewHeight;
    /** The selected lane is to be brought into view once there is room and the model has it. */
    private boolean revealSelected;

    LaneScroll() {
        bar.setOrientation(Orientation.VERTICAL);
        bar.setVisible(false);
    }

    ScrollBar bar() {
        return bar;
    }

    LaneHeights heights() {
        return heights;
    }

    /** How far the lanes are scrolled up, px. */
    double value() {
        return bar.isVisible() ? bar.getValue() : 0;
    }

    /** Brings the selected lane into view at the next {@link #update} that has it: it was just selected. */
    void revealSelected() {
        revealSelected = true;
    }

    /**
     * Lays {@code lanes} lanes out on a canvas {@code viewHeight} tall, compact if {@code compact} (lane
     * {@code selected}, 0-based, in full if all still fit), and sets the bar's range. Where that changes
     * the lanes' heights, or the lane was just selected, lane {@code selected} is brought into view.
     * Returns whether the bar appeared or went: the view must then lay out anew.
     */
    boolean update(int lanes, double viewHeight, boolean compact, int selected) {
        this.viewHeight = viewHeight;
        double room = viewHeight - LaneGeometry.AXIS_HEIGHT;
        var next = compact ? LaneHeights.compact(lanes, room, selected) : LaneHeights.FULL;
        boolean changed = !next.equals(heights);
        heights = next;
        double content = LaneGeometry.AXIS_HEIGHT + heights.top(lanes);
        double overflow = Math.max(0, content - viewHeight);
        boolean needed = overflow > 0;
        boolean toggled = bar.isVisible() != needed;
        bar.setVisible(needed);
        if (bar.getMax() != overflow) {
            bar.setMax(overflow);
            bar.setVisibleAmount(viewHeight * overflow / Math.max(1, content));
            bar.setValue(Math.min(bar.getValue(), overflow));
        }
        bar.setUnitIncrement(step());
        bar.setBlockIncrement(page());
        if ((changed || revealSelected) && selected >= 0 && selected < lanes && room > 0) {
            revealSelected = false;
            reveal(selected);
        }
        return toggled;
    }

    /** Scrolls the least that shows lane {@code index} whole, or, taller than the canvas, from its top. */
    private void reveal(int index) {
        double top = heights.top(index);
        double height = heights.rows(index).height();
        double room = viewHeight - LaneGeometry.AXIS_HEIGHT;
        double value = bar.getValue();
        if (height > room || top < value) {
            value = top;
        } else if (top + height > value + room) {
            value = top + height - room;
        }
        scrollTo(value);
    }

    /** Scrolls by {@code pixels} (negative: up). */
    void scrollBy(double pixels) {
        scrollTo(bar.getValue() + pixels);
    }

    /** One step of ↑/↓: half a full lane, or a compact lane. */
    double step() {
        return heights.compact() ? LaneRows.COMPACT.height() : LaneRows.FULL.height() / 2;
    }

    /** One page of PgUp/PgDn: the lanes' room on the canvas, less a step, so the next page keeps a little of this one. */
    double page() {
        return Math.max(step(), viewHeight - LaneGeometry.AXIS_HEIGHT - step());
    }

    private void scrollTo(double value) {
        bar.setValue(Math.clamp(value, 0, bar.getMax()));
    }
}
