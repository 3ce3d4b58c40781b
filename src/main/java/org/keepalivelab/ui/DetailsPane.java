package org.keepalivelab.ui;

import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.ui.desktop.Fxml;
import org.keepalivelab.ui.timeline.DetectionWords;

/**
 * Below the timeline (DetailsPane.fxml): when each side of the selected connection learned of its
 * fault, a line per detection; then the pinned mark's details, or the timeline's gestures until one is
 * pinned.
 */
final class DetailsPane extends VBox {
    /** The gestures as the timeline takes them. */
    static final String HINT = "Wheel over the timeline zooms, over the lane names scrolls the lanes; Shift+wheel, "
            + "↑/↓ or PgUp/PgDn scroll lanes; [ and ] select the previous or next connection; C compacts the lanes; "
            + "drag or ←/→ pans; L follows live time, A shows the whole lab. "
            + "Hover a mark for its details; click to keep them and select its connection.";

    private final ObservableStringValue pinned;
    private final ObservableObjectValue<Explanation> explanation;
    @FXML
    private Label detections;
    @FXML
    private Label details;

    /**
     * @param pinned      the pinned mark's details, null while none is
     * @param explanation the selected connection's explanation, null until it has one
     */
    DetailsPane(ObservableStringValue pinned, ObservableObjectValue<Explanation> explanation) {
        this.pinned = pinned;
        this.explanation = explanation;
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        details.textProperty().bind(Bindings.createStringBinding(() -> pinned.get() == null ? HINT : pinned.get(), pinned));
        detections.textProperty().bind(Bindings.createStringBinding(() -> {
            var shown = explanation.get();
            return shown == null ? "" : shown.detections().stream().map(DetectionWords::line)
                    .collect(Collectors.joining("\n"));
        }, explanation));
        detections.visibleProperty().bind(detections.textProperty().isNotEmpty());
        detections.managedProperty().bind(detections.visibleProperty());
    }
}
