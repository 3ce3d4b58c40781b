package org.keepalivelab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.model.Side;
import org.keepalivelab.ui.desktop.Fxml;
import org.keepalivelab.ui.settings.KernelDefaults;

/**
 * One side's socket settings (SideSettingsEditor.fxml): a preset, keep-alive on/off, idle, interval,
 * count, TCP_USER_TIMEOUT.
 */
final class SideSettingsEditor extends VBox {
    private static final String KEEPALIVE_OFF = "Keep-alive is off: tick keep-alive (SO_KEEPALIVE) to set this.";

    private final Side side;
    private final SocketSettings initial;
    private KernelDefaults defaults;
    private final Optional<String> linuxOptionsProblem;
    private final IntField idle;
    private final IntField interval;
    private final IntField count;
    private final IntField userTimeout;
    private final ReadOnlyObjectWrapper<SocketSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private BooleanBinding valid;
    private boolean applyingPreset;
    @FXML
    private Label title;
    @FXML
    private ComboBox<KeepalivePreset> preset;
    @FXML
    private CheckBox enabled;
    @FXML
    private Label idleName;
    @FXML
    private Label intervalName;
    @FXML
    private Label countName;
    @FXML
    private Label userTimeoutName;
    @FXML
    private StackPane idleSlot;
    @FXML
    private StackPane intervalSlot;
    @FXML
    private StackPane countSlot;
    @FXML
    private StackPane userTimeoutSlot;
    @FXML
    private Label hint;

    /** @param linuxOptionsProblem why {@code TCP_USER_TIMEOUT} cannot be set here; empty on Linux */
    SideSettingsEditor(Side side, SocketSettings initial, KernelDefaults defaults, Optional<String> linuxOptionsProblem) {
        this.side = side;
        this.initial = initial;
        this.defaults = defaults;
        this.linuxOptionsProblem = linuxOptionsProblem;
        var k = initial.keepalive();
        idle = new IntField(KeepaliveSettings.IDLE, k.idle(), null, null);
        interval = new IntField(KeepaliveSettings.INTERVAL, k.interval(), null, null);
        count = new IntField(KeepaliveSettings.COUNT, k.count(), KeepaliveSettings.KERNEL_DEFAULT_COUNT,
                "0 = " + defaults.keepaliveProbesText());
        userTimeout = new IntField(SocketSettings.USER_TIMEOUT, initial.userTimeoutMillis(), null, null);
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        setId(side.label() + "-settings");
        title.setText(side == Side.SERVER ? "Server socket" : "Client socket");
        var k = initial.keepalive();
        userTimeout.field().setPromptText("0 = off");
        idle.setId(side.label() + "-idle");
        interval.setId(side.label() + "-interval");
        count.setId(side.label() + "-count");
        userTimeout.setId(side.label() + "-user-timeout");
        userTimeout.setDisable(linuxOptionsProblem.isPresent());
        enabled.setId(side.label() + "-keepalive");
        preset.setId(side.label() + "-preset");
        enabled.setSelected(k.enabled());
        ChoiceCells.install(preset, KeepalivePreset::shortName, KeepalivePreset::toString,
                "Custom: these values match no preset");
        preset.setValue(KeepalivePreset.matching(k));
        preset.valueProperty().addListener((obs, was, is) -> apply(is));

        place(idle, idleName, idleSlot);
        place(interval, intervalName, intervalSlot);
        place(count, countName, countSlot);
        place(userTimeout, userTimeoutName, userTimeoutSlot);
        for (var field : new IntField[] {idle, interval, count}) {
            field.disableProperty().bind(enabled.selectedProperty().not());
        }
        HolderTooltip.install(userTimeoutSlot, linuxOptionsProblem.orElse(userTimeout.allowed() + "; 0 = off"));
        showHint();

        // With keep-alive off its disabled fields do not count: unticking it must not keep it on.
        valid = Bindings.createBooleanBinding(() -> refused().isEmpty(), refusalDependencies());
        Runnable update = this::update;
        for (var field : new IntField[] {idle, interval, count, userTimeout}) {
            field.valueProperty().addListener((obs, was, is) -> update.run());
        }
        enabled.selectedProperty().addListener((obs, was, is) -> update.run());
        valid.addListener((obs, was, is) -> update.run());
        settings.set(initial);
    }

    /** Puts {@code field} in its slot, named by {@code name}; a keep-alive field's slot says why it is off. */
    private void place(IntField field, Label name, StackPane slot) {
        slot.getChildren().add(field);
        name.setLabelFor(field.field());
        if (field != userTimeout) {
            HolderTooltip.install(slot, Bindings.when(field.disabledProperty()).then(KEEPALIVE_OFF)
                    .otherwise(field.allowedProperty()));
        }
    }

    private void showHint() {
        hint.setText("count 0 = " + defaults.keepaliveProbesText() + "; "
                + linuxOptionsProblem.map(problem -> "TCP_USER_TIMEOUT is Linux's: off here").orElse("timeout 0 = off"));
    }

    /** Words a count of 0 by the kernel's default {@code now}: the lab's kernel changed it. */
    void showDefaults(KernelDefaults now) {
        defaults = now;
        count.setSpecialMeaning("0 = " + now.keepaliveProbesText());
        showHint();
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

    /** The fields whose refused values count now, in order: a keep-alive field counts only with keep-alive on. */
    List<IntField> refused() {
        var refused = new ArrayList<IntField>();
        for (var field : new IntField[] {idle, interval, count}) {
            if (enabled.isSelected() && !field.isValid()) {
                refused.add(field);
            }
        }
        if (!userTimeout.isValid()) {
            refused.add(userTimeout);
        }
        return refused;
    }

    /** What {@link #refused()} depends on. */
    Observable[] refusalDependencies() {
        return new Observable[] {enabled.selectedProperty(), idle.validProperty(), interval.validProperty(),
                count.validProperty(), userTimeout.validProperty()};
    }

    /** The side's name in a refusal: "server socket". */
    String where() {
        return side.label() + " socket";
    }

    /** The latest valid settings: a refused field leaves them as they were. */
    ReadOnlyObjectProperty<SocketSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    BooleanBinding validBinding() {
        return valid;
    }
}
