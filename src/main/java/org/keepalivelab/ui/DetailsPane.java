package org.keepalivelab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.keepalivelab.ui.desktop.Fxml;

/** Below the timeline (DetailsPane.fxml): the pinned mark's details, or the timeline's gestures until one is pinned. */
final class DetailsPane extends StackPane {
    /** The gestures as the timeline takes them. */
    static final String HINT = "Wheel over the timeline zooms, over the lane names scrolls the lanes; Shift+wheel, "
            + "↑/↓ or PgUp/PgDn scroll lanes; [ and ] select the previous or next connection; C compacts the lanes; "
            + "drag or ←/→ pans; L follows live time, A shows the whole lab. "
            + "Hover a mark for its details; click to keep them and select its connection.";

    private final ObservableStringValue pinned;
    @FXML
    private Label details;

    /** @param pinned the pinned mark's details, null while none is */
    DetailsPane(ObservableStringValue pinned) {
        this.pinned = pinned;
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        details.textProperty().bind(Bindings.createStringBinding(() -> pinned.get() == null ? HINT : pinned.get(), pinned));
    }
}
