package org.keepalivelab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.model.Side;
import org.keepalivelab.ui.desktop.Fxml;
import org.keepalivelab.ui.settings.KernelDefaults;

/**
 * The settings of the next connection (SettingsPanel.fxml): each side's socket, the server's policy,
 * the client's orphan lifetime, the clients per Connect. {@link #settingsProperty()} holds the latest
 * valid whole; refused fields keep it unchanged, and {@link #refusalProperty()} names them.
 */
public final class SettingsPanel extends BorderPane {
    private final LabSettings initial;
    private final Optional<String> linuxOptionsProblem;
    private final SideSettingsEditor server;
    private final SideSettingsEditor client;
    private final IntField orphan;
    private final IntField clients = new IntField(Lab.CLIENTS_PER_CONNECT, 1, null, null);
    private final ReadOnlyObjectWrapper<LabSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private BooleanBinding valid;
    private StringBinding refusal;
    @FXML
    private ScrollPane scroll;
    @FXML
    private VBox content;
    @FXML
    private VBox serverGroup;
    @FXML
    private VBox clientGroup;
    @FXML
    private ComboBox<ServerPolicy> policy;
    @FXML
    private Label policyHint;
    @FXML
    private Label orphanName;
    @FXML
    private StackPane orphanSlot;
    @FXML
    private Label orphanHint;
    @FXML
    private Label clientsName;
    @FXML
    private StackPane clientsSlot;
    @FXML
    private VBox kernelSlot;

    /**
     * @param linuxOptionsProblem why {@code TCP_USER_TIMEOUT} and the orphan lifetime cannot be set here
     *                            (their fields are then disabled, and their hints say so); empty on Linux
     */
    public SettingsPanel(LabSettings initial, KernelDefaults defaults, Optional<String> linuxOptionsProblem) {
        this.initial = initial;
        this.linuxOptionsProblem = linuxOptionsProblem;
        server = new SideSettingsEditor(Side.SERVER, initial.server(), defaults, linuxOptionsProblem);
        client = new SideSettingsEditor(Side.CLIENT, initial.client(), defaults, linuxOptionsProblem);
        orphan = new IntField(LabSettings.ORPHAN_LIFETIME, initial.orphanLifetimeSeconds(),
                LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME, "0 = " + defaults.finTimeoutText());
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        serverGroup.getChildren().addFirst(server);
        clientGroup.getChildren().addFirst(client);
        orphan.setId("orphan-lifetime");
        orphan.setDisable(linuxOptionsProblem.isPresent());
        orphanSlot.getChildren().add(orphan);
        orphanName.setLabelFor(orphan.field());
        HolderTooltip.install(orphanSlot, linuxOptionsProblem.isPresent()
                ? new ReadOnlyStringWrapper(linuxOptionsProblem.get()) : orphan.allowedProperty());
        orphanHint.setText(linuxOptionsProblem.orElse(
                "How long a killed client's socket lives in FIN_WAIT2 (TCP_LINGER2); 0 = kernel's tcp_fin_timeout."));
        clients.setId("clients-per-connect");
        clientsSlot.getChildren().add(clients);
        clientsName.setLabelFor(clients.field());
        HolderTooltip.install(clientsSlot, clients.allowed());

        policy.getItems().setAll(ServerPolicy.values());
        policy.setValue(initial.serverPolicy());
        ChoiceCells.install(policy, ServerPolicy::label, p -> p.label() + ": " + p.description(), "");
        policyHint.textProperty().bind(Bindings.createStringBinding(
                () -> policy.getValue() == null ? "" : policy.getValue().description(), policy.valueProperty()));

        settings.set(initial);
        valid = server.validBinding().and(client.validBinding()).and(orphan.validProperty());
        var dependencies = new ArrayList<Observable>(List.of(server.refusalDependencies()));
        dependencies.addAll(List.of(client.refusalDependencies()));
        dependencies.addAll(List.of(orphan.validProperty(), clients.validProperty()));
        refusal = Bindings.createStringBinding(
                () -> refused().stream().map(Refused::words).collect(Collectors.joining("; ")),
                dependencies.toArray(Observable[]::new));
        server.settingsProperty().addListener((obs, was, is) -> update());
        client.settingsProperty().addListener((obs, was, is) -> update());
        orphan.valueProperty().addListener((obs, was, is) -> update());
        policy.valueProperty().addListener((obs, was, is) -> update());
    }

    /** A refused field and its message, naming its side where the message does not. */
    private record Refused(IntField field, String words) {
    }

    /** The refused fields that count now, in the panel's order. */
    private List<Refused> refused() {
        var refused = new ArrayList<Refused>();
        for (var side : List.of(server, client)) {
            side.refused().forEach(field -> refused.add(new Refused(field, field.message() + " (" + side.where() + ")")));
        }
        for (var field : List.of(orphan, clients)) {
            if (!field.isValid()) {
                refused.add(new Refused(field, field.message()));
            }
        }
        return refused;
    }

    /** Scrolls the first refused field into view and puts the cursor in it; nothing if none is refused. */
    public void revealFirstRefused() {
        var refused = refused();
        if (refused.isEmpty()) {
            return;
        }
        var field = refused.getFirst().field();
        scroll.layout();
        double overflow = content.getHeight() - scroll.getViewportBounds().getHeight();
        if (overflow > 0) {
            double y = content.sceneToLocal(field.localToScene(0, 0)).getY();
            double centred = y - (scroll.getViewportBounds().getHeight() - field.getHeight()) / 2;
            scroll.setVvalue(Math.clamp(centred / overflow, 0, 1));
        }
        field.field().requestFocus();
    }

    /**
     * Words a count or an orphan lifetime of 0 by the kernel's defaults {@code now}: the lab's kernel changed
     * them (the Lab kernel card). FX thread.
     */
    public void showDefaults(KernelDefaults now) {
        server.showDefaults(now);
        client.showDefaults(now);
        orphan.setSpecialMeaning("0 = " + now.finTimeoutText());
    }

    /** Shows the lab's kernel below the next connection's settings ({@link LabKernelCard}). */
    public void showLabKernel(LabKernelCard card) {
        kernelSlot.getChildren().setAll(card);
    }

    /** How many clients the next Connect opens; changes only to a valid value. */
    public ReadOnlyIntegerProperty clientsPerConnectProperty() {
        return clients.valueProperty();
    }

    private void update() {
        if (!valid.get() || policy.getValue() == null) {
            return;
        }
        settings.set(new LabSettings(policy.getValue(), server.settingsProperty().get(),
                client.settingsProperty().get(), orphan.getValue(), initial.serverOrphanLifetimeSeconds()));
    }

    /**
     * Why Connect must wait: every refused field's message, clients per Connect included (Connect would
     * otherwise use values the panel no longer shows); "" while every field holds a valid value.
     */
    public ObservableStringValue refusalProperty() {
        return refusal;
    }

    /** The latest valid settings. */
    public ReadOnlyObjectProperty<LabSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }
}
