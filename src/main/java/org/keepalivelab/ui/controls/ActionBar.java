package org.keepalivelab.ui.controls;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Sever;

/**
 * The commands, acting on the selected connection: Connect, Send, Close gracefully, Kill client,
 * Abort (RST), Sever network (both ways or one) and Restore. A button is disabled while it cannot
 * apply: Connect while the settings are invalid, the others to the selected connection (Send and Close
 * gracefully once the client is closing, Kill once it is gone, Restore when nothing is severed).
 */
public final class ActionBar extends HBox {
    /** What Send writes: one "howdy", the lab client's greeting; the window's opening writes it too. */
    public static final int HOWDY_BYTES = 5;

    private final ComboBox<Integer> connection = new ComboBox<>();
    private final ObservableList<Integer> ids = FXCollections.observableArrayList();
    private final Button connect = button("Connect", "connect", "Open a new connection with the settings on the left");
    private final Button send = button("Send", "send", "The client writes \"howdy\" (5 bytes)");
    private final Button close = button("Close gracefully", "close", "The client sends FIN, reads to EOF, closes");
    private final Button kill = button("Kill client", "kill", "The client process dies: its kernel closes the socket (FIN)");
    private final Button abort = button("Abort (RST)", "abort", "The client closes with SO_LINGER 0: RST");
    private final MenuButton sever = new MenuButton("Sever network");
    private final Button restore = button("Restore", "restore", "Segments cross the connection again");

    /**
     * @param severProblem  why the lab cannot sever in this mode, if it cannot: Sever stays disabled, and says so
     * @param settingsValid true while the settings panel is valid: Connect is disabled otherwise
     */
    public ActionBar(ConnectionCommands commands, Optional<String> severProblem, ObservableBooleanValue settingsValid) {
        getStyleClass().add("action-bar");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        connection.setId("connection-selector");
        connection.setItems(ids);
        connection.setPromptText("No connection");
        connection.setButtonCell(connectionCell());
        connection.setCellFactory(list -> connectionCell());
        connect.getStyleClass().add("accent");
        kill.getStyleClass().add("danger");
        abort.getStyleClass().add("danger");
        sever.setId("sever");
        sever.setTooltip(new Tooltip("Drop every segment of the connection (both ways, or one)"));
        for (var s : Sever.values()) {
            var item = new MenuItem(switch (s) {
                case BOTH -> "Both directions";
                case C2S -> "Client → server only";
                case S2C -> "Server → client only";
            });
            item.setId("sever-" + s);
            item.setOnAction(e -> commands.sever(s));
            sever.getItems().add(item);
        }

        connect.setOnAction(e -> commands.connect());
        send.setOnAction(e -> commands.send(HOWDY_BYTES));
        close.setOnAction(e -> commands.closeGracefully());
        kill.setOnAction(e -> commands.kill());
        abort.setOnAction(e -> commands.abort());
        restore.setOnAction(e -> commands.restore());

        commands.connectionsProperty().addListener((obs, was, is) -> updateIds(is));
        connection.valueProperty().addListener((obs, was, is) -> {
            if (is != null) {
                commands.selectedConnProperty().set(is);
            }
        });
        commands.selectedConnProperty().addListener((obs, was, is) -> {
            if (is.intValue() > 0 && !is.equals(connection.getValue())) {
                connection.setValue(is.intValue());
            }
        });
        connect.disableProperty().bind(Bindings.not(settingsValid));
        bindEnablement(commands, severProblem.isEmpty());
        getChildren().addAll(connect, connection, separator(), send, close, kill, abort, separator(),
                severHolder(severProblem), restore);
    }

    private void bindEnablement(ConnectionCommands commands, boolean maySever) {
        var selected = commands.selectedProperty();
        BooleanBinding clientHeld = Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().clientHeld(), selected);
        BooleanBinding clientOpen = Bindings.createBooleanBinding(
                () -> clientHeld.get() && !selected.get().clientClosing(), selected);
        BooleanBinding severable = Bindings.createBooleanBinding(() -> canSever(selected.get()), selected);
        BooleanBinding severed = Bindings.createBooleanBinding(
                () -> selected.get() != null && !selected.get().severed().isEmpty(), selected);
        send.disableProperty().bind(clientOpen.not());
        close.disableProperty().bind(clientOpen.not());
        kill.disableProperty().bind(clientHeld.not());
        abort.disableProperty().bind(clientHeld.not());
        if (maySever) {
            sever.disableProperty().bind(severable.not());
        } else {
            sever.setDisable(true); // for as long as the lab runs: the holder's tooltip says why
        }
        restore.disableProperty().bind(severed.not());
    }

    /**
     * The sever button, in a holder that shows why sever is unavailable in this mode: a disabled
     * control shows no tooltip of its own.
     */
    private Node severHolder(Optional<String> severProblem) {
        var holder = new HBox(sever);
        severProblem.ifPresent(reason -> {
            var tip = new Tooltip(reason);
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            Tooltip.install(holder, tip);
            holder.setId("sever-unavailable");
        });
        return holder;
    }

    /** Sever needs both applications' sockets and nothing severed yet. */
    private static boolean canSever(ConnectionStatus status) {
        return status != null && status.clientHeld() && !status.serverEnded() && status.severed().isEmpty();
    }

    private void updateIds(List<ConnectionStatus> connections) {
        if (ids.size() == connections.size()) {
            return;
        }
        for (int i = ids.size(); i < connections.size(); i++) {
            ids.add(connections.get(i).conn());
        }
    }

    private static ListCell<Integer> connectionCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "No connection" : "Connection " + item);
            }
        };
    }

    private static Button button(String text, String id, String tip) {
        var button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private static Node separator() {
        var line = new Region();
        line.getStyleClass().add("toolbar-separator");
        return line;
    }
}
