package org.keepalivelab.ui.controls;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/**
 * How a settings combo box words its choices: the box shows the chosen one's short name, which fits the
 * settings column, its list and its tooltip the full name (the list is as wide as its longest entry).
 */
final class ChoiceCells {
    private ChoiceCells() {
    }

    /** @param none the tooltip while nothing is chosen */
    static <T> void install(ComboBox<T> combo, Function<T, String> shortName, Function<T, String> fullName, String none) {
        // The box's own cell shows the prompt for no value: a custom cell would otherwise show nothing.
        combo.setButtonCell(cell(shortName, combo.getPromptText()));
        combo.setCellFactory(list -> cell(fullName, null));
        var tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.textProperty().bind(Bindings.createStringBinding(
                () -> combo.getValue() == null ? none : fullName.apply(combo.getValue()), combo.valueProperty()));
        combo.setTooltip(tip);
    }

    private static <T> ListCell<T> cell(Function<T, String> words, String empty) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                setText(isEmpty || item == null ? empty : words.apply(item));
            }
        };
    }
}
