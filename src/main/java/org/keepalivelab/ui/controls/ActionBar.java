package org.keepalivelab.ui.controls;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Sever;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.Side;
import org.keepalivelab.ui.desktop.Fxml;
import org.keepalivelab.ui.theme.Theme;

/**
 * The window's toolbar (ActionBar.fxml): Connect and the connection it acts on, the commands on that
 * connection (Send; Close, Kill and Abort, each on the client with a click and on either side from its
 * arrow, Close's with the client's half-close; Sever network both ways or one, Restore), then Export
 * PNG… and the theme. A command is disabled while it cannot apply, and its tooltip then says why
 * ({@link Command}); Connect is disabled while a setting is refused, its tooltip names the refused
 * fields, and a click on it goes to the first. While the window shows a capture, every command and
 * Connect are disabled and say so ({@link Command#NO_LIVE_SOCKET}).
 */
public final class ActionBar extends ToolBar {
    /** What Send writes: one "howdy", the lab client's greeting; the window's opening writes it too. */
    public static final int HOWDY_BYTES = 5;

    private final ConnectionCommands commands;
    private final Optional<String> severProblem;
    private final ObservableStringValue connectRefusal;
    private final Runnable revealRefusal;
    private final ObservableList<Integer> ids = FXCollections.observableArrayList();
    /** True while the window shows a capture: no command has a socket to act on. */
    private final BooleanProperty captureShown = new SimpleBooleanProperty(this, "captureShown", false);
    @FXML
    private Label title;
    @FXML
    private StackPane connectHolder;
    @FXML
    private Button connect;
    @FXML
    private ComboBox<Integer> connection;
    @FXML
    private StackPane sendHolder;
    @FXML
    private Button send;
    @FXML
    private StackPane closeHolder;
    @FXML
    private SplitMenuButton close;
    @FXML
    private StackPane killHolder;
    @FXML
    private SplitMenuButton kill;
    @FXML
    private StackPane abortHolder;
    @FXML
    private SplitMenuButton abort;
    @FXML
    private StackPane severHolder;
    @FXML
    private MenuButton sever;
    @FXML
    private StackPane restoreHolder;
    @FXML
    private Button restore;
    @FXML
    private Button export;
    @FXML
    private Button themeToggle;

    /**
     * @param severProblem   why the lab cannot sever in this mode, if it cannot: Sever stays disabled, and says so
     * @param connectRefusal why Connect must wait (the settings' refused fields), "" while the settings are valid
     * @param revealRefusal  shows the first refused setting, for a click on the waiting Connect
     */
    public ActionBar(ConnectionCommands commands, Optional<String> severProblem, ObservableStringValue connectRefusal,
                     Runnable revealRefusal) {
        this.commands = commands;
        this.severProblem = severProblem;
        this.connectRefusal = connectRefusal;
        this.revealRefusal = revealRefusal;
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        connection.setItems(ids);
        connection.setButtonCell(connectionCell());
        connection.setCellFactory(list -> connectionCell());
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

        var waiting = Bindings.isNotEmpty(connectRefusal);
        connect.disableProperty().bind(waiting.or(captureShown));
        HolderTooltip.install(connectHolder, Bindings.when(captureShown).then(Command.NO_LIVE_SOCKET)
                .otherwise(Bindings.when(waiting)
                        .then(Bindings.concat("Connect waits for valid settings: ", connectRefusal, ". Click to go to the first."))
                        .otherwise("Open new connections with the settings on the left")));
        connection.disableProperty().bind(captureShown);
        bind(Command.SEND, send, sendHolder);
        bindSides(close, closeHolder);
        bindSides(kill, killHolder);
        bindSides(abort, abortHolder);
        bind(Command.SEVER, sever, severHolder);
        bind(Command.RESTORE, restore, restoreHolder);
    }

    /** Disables {@code control} while {@code command} cannot act on the selected connection; its holder says why. */
    private void bind(Command command, ButtonBase control, Node holder) {
        var selected = commands.selectedProperty();
        var whyNot = Bindings.createObjectBinding(() -> whyNot(command), selected, captureShown);
        control.disableProperty().bind(Bindings.createBooleanBinding(() -> whyNot.get().isPresent(), whyNot));
        HolderTooltip.install(holder, Bindings.createStringBinding(
                () -> whyNot.get().orElse(command.description()), whyNot));
    }

    /**
     * Binds a command offered on either side: each item is disabled while its command cannot act, the
     * button while none can; the holder's tooltip says, item by item, what it does or why not. A click on
     * the button runs its first item (the client's), or, while that cannot act, opens the menu.
     */
    private void bindSides(SplitMenuButton button, Node holder) {
        var selected = commands.selectedProperty();
        var items = button.getItems();
        for (var item : items) {
            var command = command(item);
            item.disableProperty().bind(Bindings.createBooleanBinding(
                    () -> whyNot(command).isPresent(), selected, captureShown));
        }
        button.disableProperty().bind(Bindings.createBooleanBinding(
                () -> items.stream().allMatch(item -> whyNot(command(item)).isPresent()), selected, captureShown));
        HolderTooltip.install(holder, Bindings.createStringBinding(() -> captureShown.get() ? Command.NO_LIVE_SOCKET
                : items.stream()
                .map(item -> item.getText() + ": " + whyNot(command(item)).orElse(command(item).description()))
                .collect(Collectors.joining("\n", "Click: " + items.getFirst().getText() + "; ▾ for the rest.\n", "")),
                selected, captureShown));
        button.setOnAction(e -> {
            var first = command(items.getFirst());
            if (whyNot(first).isEmpty()) {
                run(first);
            } else {
                button.show();
            }
        });
    }

    private Optional<String> whyNot(Command command) {
        return command.whyNot(commands.selectedProperty().get(), severProblem, captureShown.get());
    }

    /** While true, the window shows a capture: every command and Connect are disabled, and say why. */
    public BooleanProperty captureShownProperty() {
        return captureShown;
    }

    private static Command command(MenuItem item) {
        return Command.valueOf((String) item.getUserData());
    }

    /** Runs one of the commands on either side. */
    private void run(Command command) {
        commands.act(switch (command) {
            case CLOSE -> new Action.Close(Side.CLIENT);
            case CLOSE_SERVER -> new Action.Close(Side.SERVER);
            case HALF_CLOSE -> new Action.HalfClose();
            case KILL -> new Action.Kill(Side.CLIENT);
            case KILL_SERVER -> new Action.Kill(Side.SERVER);
            case ABORT -> new Action.Abort(Side.CLIENT);
            case ABORT_SERVER -> new Action.Abort(Side.SERVER);
            case SEND, SEVER, RESTORE -> throw new IllegalArgumentException(command + " has a button of its own");
        });
    }

    /**
     * Shows the title only while every item fits beside it: the window's title bar names the app too, so
     * the title gives way before any command goes into the overflow menu. Decided before the skin lays the
     * items out, for the width it is about to lay them out in.
     */
    @Override
    protected void layoutChildren() {
        double spacing = lookup(".container") instanceof HBox box ? box.getSpacing() : 0;
        double needed = snappedLeftInset() + snappedRightInset();
        for (var item : getItems()) {
            needed += snapSizeX(item.prefWidth(-1)) + spacing;
        }
        boolean fits = needed <= getWidth();
        title.setManaged(fits);
        title.setVisible(fits);
        super.layoutChildren();
    }

    /** Runs {@code action} on a click of Export PNG…. */
    public void setOnExport(Runnable action) {
        export.setOnAction(e -> action.run());
    }

    /** Runs {@code action} on a click of the theme button. */
    public void setOnToggleTheme(Runnable action) {
        themeToggle.setOnAction(e -> action.run());
    }

    /** The theme button offers the other theme than {@code current}. */
    public void showTheme(Theme current) {
        themeToggle.setText(current.other().label() + " theme");
    }

    @FXML
    private void connect() {
        commands.connect();
    }

    /** A click on the holder of a waiting Connect (the button itself sees none): to the first refused field. */
    @FXML
    private void revealRefusal() {
        if (connect.isDisabled()) {
            revealRefusal.run();
        }
    }

    @FXML
    private void send() {
        commands.send(HOWDY_BYTES);
    }

    /** A menu item of Close, Kill or Abort. */
    @FXML
    private void command(ActionEvent e) {
        run(command((MenuItem) e.getSource()));
    }

    @FXML
    private void sever(ActionEvent e) {
        commands.sever(Sever.valueOf((String) ((MenuItem) e.getSource()).getUserData()));
    }

    @FXML
    private void restore() {
        commands.restore();
    }

    private void updateIds(List<ConnectionStatus> connections) {
        if (ids.size() == connections.size()) {
            return;
        }
        ids.addAll(connections.subList(ids.size(), connections.size()).stream().map(ConnectionStatus::conn).toList());
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
}
