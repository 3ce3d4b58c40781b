package org.keepalivelab.ui.controls;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.keepalivelab.lab.LabKernel;
import org.keepalivelab.lab.LabSysctl;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.linux.TcpSysctl;
import org.keepalivelab.ui.desktop.Fxml;

/**
 * The "Lab kernel" card (LabKernelCard.fxml): the TCP sysctls in force in the lab's network namespace and,
 * where that namespace is the lab's own, fields to change them. A value outside the kernel's range is
 * refused at its field, with the range. Reading and writing {@code /proc/sys} run on the lab's loop
 * ({@link LabKernel}); the card only ever waits for them through {@link Platform#runLater}.
 */
public final class LabKernelCard extends VBox {
    private static final String OWN = "The lab's own network namespace: these apply to every socket of the lab "
            + "that does not set its own, the open connections too, the next time their kernel consults one.";

    private final LabKernel kernel;
    private final Map<TcpSysctl, IntField> fields = new EnumMap<>(TcpSysctl.class);
    private KernelSettings inForce;
    @FXML
    private Label hint;
    @FXML
    private GridPane grid;
    @FXML
    private Button apply;
    @FXML
    private Label outcome;

    public LabKernelCard(LabKernel kernel) {
        this.kernel = kernel;
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        hint.setText(kernel.problem().orElse(OWN));
        kernel.inForce().whenComplete((values, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                outcome.setText("Could not read the kernel's settings: " + failure.getMessage());
            } else {
                show(values);
            }
        }));
    }

    /** Builds the rows on the first values, and sets every field to the values in force. */
    private void show(KernelSettings values) {
        inForce = values;
        if (fields.isEmpty()) {
            int row = 0;
            for (var sysctl : TcpSysctl.values()) {
                addRow(sysctl, row++, values.value(sysctl));
            }
        }
        fields.forEach((sysctl, field) -> field.setValue(values.value(sysctl)));
        updateApply();
    }

    private void addRow(TcpSysctl sysctl, int row, int value) {
        var range = LabSysctl.range(sysctl);
        var field = new IntField(range, value, null, null);
        field.setId("sysctl-" + sysctl.shortName());
        field.setDisable(kernel.problem().isPresent() || value < 0);
        field.valueProperty().addListener((obs, was, is) -> updateApply());
        field.validProperty().addListener((obs, was, is) -> updateApply());
        var name = new Label(sysctl.shortName());
        name.getStyleClass().addAll("muted", "field-name");
        name.setMinWidth(USE_PREF_SIZE);
        name.setLabelFor(field.field());
        name.setTooltip(new Tooltip(sysctl.fullName() + ": " + range));
        var slot = new StackPane(field);
        slot.getStyleClass().add("field-slot");
        HolderTooltip.install(slot, kernel.problem().orElse(range.toString()));
        GridPane.setValignment(name, VPos.TOP);
        GridPane.setValignment(slot, VPos.TOP);
        grid.addRow(row, name, slot);
        fields.put(sysctl, field);
    }

    /** The fields whose valid value differs from the one in force. */
    private List<LabSysctl> changed() {
        var changed = new ArrayList<LabSysctl>();
        fields.forEach((sysctl, field) -> {
            if (field.isValid() && field.getValue() != inForce.value(sysctl)) {
                changed.add(new LabSysctl(sysctl, field.getValue()));
            }
        });
        return changed;
    }

    private void updateApply() {
        boolean allValid = fields.values().stream().allMatch(IntField::isValid);
        apply.setDisable(kernel.problem().isPresent() || inForce == null || !allValid || changed().isEmpty());
    }

    @FXML
    private void apply() {
        var changes = changed();
        apply.setDisable(true);
        outcome.setText("Setting " + words(changes) + "…");
        kernel.set(changes).whenComplete((values, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                outcome.setText(failure.getMessage()); // the lab's own words: its futures fail with them as they are
                kernel.inForce().thenAccept(read -> Platform.runLater(() -> show(read)));
            } else {
                outcome.setText("Set " + words(changes) + ".");
                show(values);
            }
        }));
    }

    private static String words(List<LabSysctl> sysctls) {
        return sysctls.stream().map(LabSysctl::toString).collect(Collectors.joining(", "));
    }
}
