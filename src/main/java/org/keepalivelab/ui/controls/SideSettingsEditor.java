package org.keepalivelab.ui.controls;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.model.Side;
import org.keepalivelab.ui.settings.KernelDefaults;

/** One side's socket settings: a preset, keep-alive on/off, idle, interval, count, TCP_USER_TIMEOUT. */
final class SideSettingsEditor extends VBox {
    private final ComboBox<KeepalivePreset> preset = new ComboBox<>();
    private final CheckBox enabled = new CheckBox("keep-alive (SO_KEEPALIVE)");
    private final IntField idle;
    private final IntField interval;
    private final IntField count;
    private final IntField userTimeout;
    private final ReadOnlyObjectWrapper<SocketSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final BooleanBinding valid;
    private boolean applyingPreset;

    /** @param linuxOptionsProblem why {@code TCP_USER_TIMEOUT} cannot be set here; empty on Linux */
    SideSettingsEditor(Side side, SocketSettings initial, KernelDefaults defaults, Optional<String> linuxOptionsProblem) {
        getStyleClass().add("side-card");
        setId(side.label() + "-settings");
        var k = initial.keepalive();
        idle = new IntField(KeepaliveSettings.IDLE, k.idle(), null, null);
        interval = new IntField(KeepaliveSettings.INTERVAL, k.interval(), null, null);
        count = new IntField(KeepaliveSettings.COUNT, k.count(), KeepaliveSettings.KERNEL_DEFAULT_COUNT,
                "0 = " + defaults.keepaliveProbesText());
        userTimeout = new IntField(SocketSettings.USER_TIMEOUT, initial.userTimeoutMillis(), null, null);
        userTimeout.field().setPromptText("0 = off");
        idle.setId(side.label() + "-idle");
        interval.setId(side.label() + "-interval");
        count.setId(side.label() + "-count");
        userTimeout.setId(side.label() + "-user-timeout");
        userTimeout.setDisable(linuxOptionsProblem.isPresent());
        enabled.setId(side.label() + "-keepalive");
        preset.setId(side.label() + "-preset");
        enabled.setMnemonicParsing(false);
        enabled.setSelected(k.enabled());
        preset.getItems().setAll(KeepalivePreset.values());
        preset.setPromptText("Custom");
        preset.setMaxWidth(Double.MAX_VALUE);
        preset.setValue(KeepalivePreset.matching(k));
        preset.valueProperty().addListener((obs, was, is) -> apply(is));

        for (var field : new IntField[] {idle, interval, count}) {
            field.disableProperty().bind(enabled.selectedProperty().not());
        }
        // With keep-alive off its disabled fields do not count: unticking it must not keep it on.
        valid = Bindings.createBooleanBinding(
                () -> (!enabled.isSelected() || idle.isValid() && interval.isValid() && count.isValid())
                        && userTimeout.isValid(),
                enabled.selectedProperty(), idle.validProperty(), interval.validProperty(), count.validProperty(),
                userTimeout.validProperty());
        Runnable update = this::update;
        for (var field : new IntField[] {idle, interval, count, userTimeout}) {
            field.valueProperty().addListener((obs, was, is) -> update.run());
        }
        enabled.selectedProperty().addListener((obs, was, is) -> update.run());
        valid.addListener((obs, was, is) -> update.run());
        settings.set(initial);

        var title = new Label(side == Side.SERVER ? "Server socket" : "Client socket");
        title.getStyleClass().add("side-title");
        getChildren().addAll(title, preset, enabled, grid(defaults, linuxOptionsProblem));
    }

    private Node grid(KernelDefaults defaults, Optional<String> linuxOptionsProblem) {
        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        var labels = new ColumnConstraints();
        var fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        row(grid, 0, "idle (s)", idle);
        row(grid, 1, "interval (s)", interval);
        row(grid, 2, "count", count);
        row(grid, 3, "TCP_USER_TIMEOUT (ms)", userTimeout);
        var hint = new Label("count 0 = " + defaults.keepaliveProbesText() + "; "
                + linuxOptionsProblem.map(problem -> "TCP_USER_TIMEOUT is Linux's: off here").orElse("timeout 0 = off"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        grid.add(hint, 0, 4, 2, 1);
        return grid;
    }

    private static void row(GridPane grid, int row, String name, IntField field) {
        var label = new Label(name);
        label.setLabelFor(field.field());
        label.getStyleClass().add("muted");
        grid.add(label, 0, row);
        grid.add(field, 1, row);
    }

    private void apply(KeepalivePreset p) {
        if (p == null) {
            return;
        }
        applyingPreset = true;
        var k = p.settings();
        enabled.setSelected(k.enabled());
        if (k.enabled()) {
            idle.setValue(k.idle());
            interval.setValue(k.interval());
            count.setValue(k.count());
        }
        applyingPreset = false;
        update();
    }

    private void update() {
        if (!valid.get()) {
            return;
        }
        var k = new KeepaliveSettings(enabled.isSelected(), idle.getValue(), interval.getValue(), count.getValue());
        settings.set(new SocketSettings(k, userTimeout.getValue()));
        if (!applyingPreset) {
            preset.setValue(KeepalivePreset.matching(k));
        }
    }

    /** The latest valid settings: a refused field leaves them as they were. */
    ReadOnlyObjectProperty<SocketSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    BooleanBinding validBinding() {
        return valid;
    }
}
