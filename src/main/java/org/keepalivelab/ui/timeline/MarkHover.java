package org.keepalivelab.ui.timeline;

import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;

/**
 * The marks whose details the timeline shows: the hovered one's in a label beside the mouse, the
 * pinned (clicked) one's as a property the window shows, both worded again as new events change them
 * (a band that ended says for how long it lasted). FX thread only.
 */
final class MarkHover {
    /** The label's offset from the mouse, right and below (left and above near the view's edges). */
    private static final double OFFSET = 16;
    private static final double OFFSET_ABOVE = 12;

    private final TimelineModel model;
    private final Label label = new Label();
    private final ReadOnlyStringWrapper pinnedDetails;
    private Hit hovered;
    private Hit pinned;
    /** What the explanations add to the marks' words (a probe a middlebox answered). */
    private LaneDetections explained = LaneDetections.NONE;

    MarkHover(Object bean, TimelineModel model) {
        this.model = model;
        this.pinnedDetails = new ReadOnlyStringWrapper(bean, "pinnedDetails");
        label.getStyleClass().add("timeline-hover");
        label.setVisible(false);
        label.setManaged(false);
        label.setMouseTransparent(true);
        label.setWrapText(true);
        label.setMaxWidth(460);
    }

    Label label() {
        return label;
    }

    ReadOnlyStringProperty pinnedDetails() {
        return pinnedDetails.getReadOnlyProperty();
    }

    /** The mark to ring: the hovered one, else the pinned one; {@code null} for none. */
    Hit highlight() {
        return hovered != null ? hovered : pinned;
    }

    /**
     * Shows {@code hit}'s details beside ({@code x}, {@code y}) in a view {@code width}×{@code height}, or
     * none for {@code null}; returns whether the hovered mark changed (the ring must be drawn again).
     */
    boolean hover(Hit hit, double x, double y, double width, double height) {
        if (Objects.equals(hit, hovered) && (hit == null || label.isVisible())) {
            if (hit != null) {
                place(x, y, width, height);
            }
            return false;
        }
        hovered = hit;
        if (hit == null) {
            label.setVisible(false);
            return true;
        }
        label.setText(MarkDetails.describe(hit, model, explained));
        label.setVisible(true);
        label.applyCss();
        label.autosize();
        place(x, y, width, height);
        return true;
    }

    private void place(double x, double y, double width, double height) {
        double w = label.getWidth();
        double h = label.getHeight();
        double px = x + OFFSET + w > width ? x - OFFSET - w : x + OFFSET;
        double py = y + OFFSET + h > height ? y - OFFSET_ABOVE - h : y + OFFSET;
        label.relocate(Math.max(0, px), Math.max(0, py));
    }

    /** Keeps {@code hit}'s details (none for {@code null}) as the pinned ones. */
    void pin(Hit hit) {
        pinned = hit;
        pinnedDetails.set(hit == null ? null : MarkDetails.describe(hit, model, explained));
    }

    /** Takes a new explanation's words for the marks, and words the marks shown again. */
    void explained(LaneDetections now) {
        explained = now;
        reword();
    }

    /** Words the hovered and pinned marks' details again, after new events. */
    void reword() {
        if (hovered != null) {
            label.setText(MarkDetails.describe(hovered, model, explained));
        }
        pin(pinned);
    }
}
