package org.keepalivelab.ui.controls;

import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.model.Side;
import org.keepalivelab.ui.settings.KernelDefaults;

/**
 * The settings of the next connection: each side's socket, the server's policy, the client's orphan
 * lifetime. {@link #settingsProperty()} holds the latest valid whole; refused fields keep it unchanged.
 */
public final class SettingsPanel extends BorderPane {
    private final SideSettingsEditor server;
    private final SideSettingsEditor client;
    private final ComboBox<ServerPolicy> policy = new ComboBox<>();
    private final IntField orphan;
    private final IntField clients = new IntField(Lab.CLIENTS_PER_CONNECT, 1, null, null);
    private final ReadOnlyObjectWrapper<LabSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final BooleanBinding valid;
    private final BooleanBinding allValid;
    private final Optional<String> linuxOptionsProblem;

    /**
     * @param linuxOptionsProblem why {@code TCP_USER_TIMEOUT} and the orphan lifetime cannot be set here
     *                            (their fields are then disabled, and their hints say so); empty on Linux
     */
    public SettingsPanel(LabSettings initial, KernelDefaults defaults, Optional<String> linuxOptionsProblem) {
        getStyleClass().add("settings-panel");
        setId("settings-panel");
        this.linuxOptionsProblem = linuxOptionsProblem;
        server = new SideSettingsEditor(Side.SERVER, initial.server(), defaults, linuxOptionsProblem);
        client = new SideSettingsEditor(Side.CLIENT, initial.client(), defaults, linuxOptionsProblem);
        orphan = new IntField(LabSettings.ORPHAN_LIFETIME, initial.orphanLifetimeSeconds(),
                LabSettings.KERNEL_DEFAULT_ORPHAN_LIFETIME, "0 = " + defaults.finTimeoutText());
        orphan.setId("orphan-lifetime");
        orphan.setDisable(linuxOptionsProblem.isPresent());
        policy.setId("server-policy");
        policy.getItems().setAll(ServerPolicy.values());
        policy.setValue(initial.serverPolicy());
        policy.setMaxWidth(Double.MAX_VALUE);
        policy.setButtonCell(policyCell());
        policy.setCellFactory(list -> policyCell());
        settings.set(initial);
        valid = server.validBinding().and(client.validBinding()).and(orphan.validProperty());
        allValid = valid.and(clients.validProperty());
        server.settingsProperty().addListener((obs, was, is) -> update());
        client.settingsProperty().addListener((obs, was, is) -> update());
        orphan.valueProperty().addListener((obs, was, is) -> update());
        policy.valueProperty().addListener((obs, was, is) -> update());

        clients.setId("clients-per-connect");
        var content = new VBox(section("NEXT CONNECTION"), hint(), server, policyBox(), client, orphanBox(), clientsBox());
        content.getStyleClass().add("settings-content");
        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setCenter(scroll);
        setPrefWidth(318);
        setMinWidth(280);
    }

    private static Label section(String text) {
        var label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static Node hint() {
        var hint = new Label("Settings apply to the next Connect; each connection keeps the ones it was made with.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return hint;
    }

    private Node policyBox() {
        var title = new Label("Server application");
        title.getStyleClass().add("side-title");
        var box = new VBox(6, title, policy);
        box.getStyleClass().add("side-card");
        return box;
    }

    private Node orphanBox() {
        var title = new Label("Client orphan lifetime (s)");
        title.getStyleClass().add("side-title");
        var hint = new Label(linuxOptionsProblem.orElse(
                "How long a killed client's socket lives in FIN_WAIT2 (TCP_LINGER2); 0 = kernel's tcp_fin_timeout."));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        var box = new VBox(6, title, orphan, hint);
        box.getStyleClass().add("side-card");
        return box;
    }

    private Node clientsBox() {
        var title = new Label("Clients per Connect");
        title.getStyleClass().add("side-title");
        var hint = new Label("Connect opens this many connections at once, each with the settings above.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        var box = new VBox(6, title, clients, hint);
        box.getStyleClass().add("side-card");
        return box;
    }

    /** How many clients the next Connect opens; changes only to a valid value. */
    public ReadOnlyIntegerProperty clientsPerConnectProperty() {
        return clients.valueProperty();
    }

    private static ListCell<ServerPolicy> policyCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ServerPolicy item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label() + ": " + item.description());
            }
        };
    }

    private void update() {
        if (!valid.get() || policy.getValue() == null) {
            return;
        }
        settings.set(new LabSettings(policy.getValue(), server.settingsProperty().get(),
                client.settingsProperty().get(), orphan.getValue()));
    }

    /**
     * True while every field, clients per Connect included, holds a valid value: otherwise Connect would
     * use values the panel no longer shows.
     */
    public BooleanBinding validBinding() {
        return allValid;
    }

    /** The latest valid settings. */
    public ReadOnlyObjectProperty<LabSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }
}
