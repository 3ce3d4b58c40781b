package org.keepalivelab.ui.export;

import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.RadioButton;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.keepalivelab.ui.controls.IntField;
import org.keepalivelab.ui.desktop.Fxml;
import org.keepalivelab.ui.theme.Theme;

/**
 * Asks what the PNG holds: the whole lab or the visible range, its size in pixels, its theme. Its
 * layout is {@code ExportDialog.fxml}; the ranges it offers are worded by the caller, once, when it
 * opens, so what it says is what gets exported.
 */
final class ExportDialog extends Dialog<ExportRequest> {
    private final Theme current;
    private final String wholeRange;
    private final String visibleRange;
    // IntField takes its range when it is made, which FXML cannot give it: made here, placed in its cell
    private final IntField width = new IntField(PngExport.WIDTH, PngExport.DEFAULT_WIDTH, null, null);
    private final IntField height = new IntField(PngExport.HEIGHT, PngExport.DEFAULT_HEIGHT, null, null);
    @FXML
    private RadioButton whole;
    @FXML
    private RadioButton visible;
    @FXML
    private VBox widthCell;
    @FXML
    private VBox heightCell;
    @FXML
    private ChoiceBox<Theme> theme;

    /**
     * @param wholeRange   the whole lab's range in words ("0 s – 7 min 27 s")
     * @param visibleRange the visible range's range and lanes in words ("6 min 42 s – 7 min 27 s, connections 20–23")
     */
    ExportDialog(Window owner, Theme current, String wholeRange, String visibleRange) {
        this.current = current;
        this.wholeRange = wholeRange;
        this.visibleRange = visibleRange;
        initOwner(owner);
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        whole.setText("Whole lab (" + wholeRange + ")");
        visible.setText("Visible range (" + visibleRange + ")");
        widthCell.getChildren().setAll(width);
        heightCell.getChildren().setAll(height);
        theme.getItems().setAll(Theme.values());
        theme.setValue(current);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(width.validProperty().and(height.validProperty()).not());
        setResultConverter(button -> button == ButtonType.OK
                ? new ExportRequest(whole.isSelected(), width.getValue(), height.getValue(), theme.getValue()) : null);
    }

    /** Shows the dialog in the owner's looks and waits for the answer; empty when cancelled. FX thread. */
    static Optional<ExportRequest> ask(Window owner, Theme current, String wholeRange, String visibleRange) {
        var dialog = new ExportDialog(owner, current, wholeRange, visibleRange);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        return dialog.showAndWait();
    }
}
