package org.keepalivelab.ui.controls;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;

/**
 * A control's tooltip, installed on the node that holds it: a disabled control receives no mouse events,
 * so a tooltip of its own would never say why it is disabled, while its enabled holder still sees the
 * pointer. The text follows {@code text}: what the control does, or why it cannot act now.
 */
final class HolderTooltip {
    private static final double MAX_WIDTH = 420;

    private HolderTooltip() {
    }

    static Tooltip install(Node holder, String text) {
        return install(holder, new ReadOnlyStringWrapper(text));
    }

    static Tooltip install(Node holder, ObservableValue<String> text) {
        var tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(MAX_WIDTH);
        tip.textProperty().bind(text);
        Tooltip.install(holder, tip);
        return tip;
    }
}
