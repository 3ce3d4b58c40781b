package org.keepalivelab.ui.controls;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * How a settings combo box words its choices: the box shows the chosen one's short name, which fits the
 * settings column, its list and its tooltip the full name (the list is as wide as its longest entry).
 */
final class ChoiceCells {
    private ChoiceCells() {
    }

    /** @param none the tooltip while nothing is chosen */
    static <T> void install(ComboBox<T> combo, Function<T, String> shortName, Function<T, String> fullName, String none) {
        // The box's own cell shows its value through the converter (and its prompt for none).
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(T choice) {
                return choice == null ? null : shortName.apply(choice);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        combo.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : fullName.apply(item));
            }
        });
        var tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.textProperty().bind(Bindings.createStringBinding(
                () -> combo.getValue() == null ? none : fullName.apply(combo.getValue()), combo.valueProperty()));
        combo.setTooltip(tip);
    }
}
