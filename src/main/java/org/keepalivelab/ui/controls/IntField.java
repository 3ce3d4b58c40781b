package org.keepalivelab.ui.controls;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.keepalivelab.lab.Range;

/**
 * A whole-number field that refuses values outside its {@link Range}: the field turns red and says
 * what is allowed ("keepalive idle must be 1..32767 s") below it, and {@link #valueProperty()} keeps the
 * last good value. A {@code special} value (0 = the kernel's default) may be allowed beside the range.
 * The range's unit stands after the field, always visible. A control built in code: its parts follow
 * its range.
 */
public final class IntField extends VBox {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final Range range;
    private final Integer special;
    private final StringProperty specialMeaning;
    private final StringBinding allowed;
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final ReadOnlyIntegerWrapper value = new ReadOnlyIntegerWrapper(this, "value");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

    /**
     * @param special        a value accepted outside the range (e.g. 0), or {@code null}
     * @param specialMeaning what it means, for the message ("0 = kernel default, 9")
     */
    public IntField(Range range, int initial, Integer special, String specialMeaning) {
        this.range = range;
        this.special = special;
        this.specialMeaning = new SimpleStringProperty(this, "specialMeaning", specialMeaning);
        this.allowed = Bindings.createStringBinding(() -> range + (special == null ? "" : " ("
                + this.specialMeaning.get() + ")"), this.specialMeaning);
        getStyleClass().add("int-field");
        field.setPrefColumnCount(6);
        field.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().matches("-?\\d{0,10}")
                ? change : null));
        field.setText(String.valueOf(initial));
        value.set(initial);
        field.setPromptText(range.toString());
        var row = new HBox(field);
        row.getStyleClass().add("int-field-row");
        HBox.setHgrow(field, Priority.ALWAYS);
        if (!range.unit().isEmpty()) {
            var unit = new Label(range.unit());
            unit.getStyleClass().addAll("muted", "unit");
            unit.setMinWidth(Region.USE_PREF_SIZE); // a unit is never cut
            row.getChildren().add(unit);
        }
        error.getStyleClass().add("field-error");
        error.setManaged(false);
        error.setVisible(false);
        error.setWrapText(true);
        // Wraps to the width the field is given instead of widening it: the name beside it keeps its width.
        error.setMinWidth(0);
        error.setMaxWidth(Double.MAX_VALUE);
        field.textProperty().addListener((obs, was, is) -> validate(is));
        allowed.addListener((obs, was, is) -> validate(field.getText())); // a refusal shown says it anew
        getChildren().addAll(row, error);
    }

    private void validate(String text) {
        Integer parsed;
        try {
            parsed = text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException tooLong) {
            parsed = null;
        }
        boolean ok = parsed != null && (range.contains(parsed) || parsed.equals(special));
        valid.set(ok);
        field.pseudoClassStateChanged(INVALID, !ok);
        error.setVisible(!ok);
        error.setManaged(!ok);
        if (ok) {
            value.set(parsed);
        } else {
            error.setText(message());
        }
    }

    /** The refusal's words: "keepalive idle must be 1..32767 s". */
    public String message() {
        return range.name() + " must be " + allowed();
    }

    /** What the field takes: "1..32767 s", "1..127 (0 = kernel default, 9)". */
    public String allowed() {
        return allowed.get();
    }

    /** {@link #allowed()}, changing with the special value's meaning (the kernel's default, when it changes). */
    public StringBinding allowedProperty() {
        return allowed;
    }

    /** What the special value now means: "0 = kernel default, 5" once the lab's kernel has that default. */
    public void setSpecialMeaning(String meaning) {
        specialMeaning.set(meaning);
    }

    public void setValue(int v) {
        field.setText(String.valueOf(v));
    }

    public ReadOnlyIntegerProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public int getValue() {
        return value.get();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    /** The text field itself: its label points at it, and its prompt text is the editor's. */
    public TextField field() {
        return field;
    }
}
