package org.keepalivelab.ui.export;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.keepalivelab.ui.controls.IntField;
import org.keepalivelab.ui.theme.Theme;

/** Asks what the PNG holds: the whole lab or the visible range, its size in pixels, its theme. */
public final class ExportDialog extends Dialog<ExportRequest> {
    public ExportDialog(Window owner, Theme current, String wholeRange, String visibleRange) {
        initOwner(owner);
        setTitle("Export PNG");
        setHeaderText("Export the timeline as a PNG image");
        var range = new ToggleGroup();
        var whole = new RadioButton("Whole lab (" + wholeRange + ")");
        var visible = new RadioButton("Visible range (" + visibleRange + ")");
        whole.setToggleGroup(range);
        visible.setToggleGroup(range);
        whole.setSelected(true);
        var width = new IntField(PngExport.WIDTH, PngExport.DEFAULT_WIDTH, null, null);
        var height = new IntField(PngExport.HEIGHT, PngExport.DEFAULT_HEIGHT, null, null);
        var theme = new ChoiceBox<Theme>();
        theme.getItems().setAll(Theme.values());
        theme.setValue(current);

        var grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.add(new Label("Range"), 0, 0);
        grid.add(whole, 1, 0);
        grid.add(visible, 1, 1);
        grid.add(new Label("Width (px)"), 0, 2);
        grid.add(width, 1, 2);
        grid.add(new Label("Height (px)"), 0, 3);
        grid.add(height, 1, 3);
        grid.add(new Label("Theme"), 0, 4);
        grid.add(theme, 1, 4);
        var note = new Label("The image includes the legend and the settings used; its size does not depend on the window.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setMaxWidth(420);
        grid.add(note, 0, 5, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(width.validProperty().and(height.validProperty()).not());
        setResultConverter(button -> button == ButtonType.OK
                ? new ExportRequest(whole.isSelected(), width.getValue(), height.getValue(), theme.getValue()) : null);
    }

    public static Optional<ExportRequest> ask(Window owner, Theme current, String wholeRange, String visibleRange) {
        var dialog = new ExportDialog(owner, current, wholeRange, visibleRange);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        return dialog.showAndWait();
    }
}
