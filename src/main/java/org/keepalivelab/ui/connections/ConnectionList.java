package org.keepalivelab.ui.connections;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.ReplayCommand;
import org.keepalivelab.model.Timeline;
import org.keepalivelab.ui.desktop.Fxml;

/**
 * Every connection of the lab (ConnectionList.fxml): its number, its label (once a connection has one),
 * the client's port, each side's kernel state, and how it ended for the server. Selecting a row selects
 * the connection, which the toolbar's commands act on and the timeline shows; a connection selected
 * elsewhere is selected here too, and scrolled into view. Rows follow the session's connections, which it
 * samples at the status line's pace. "Copy as command line" puts the headless command that replays the
 * selected connection on the clipboard ({@link ReplayCommand}).
 */
public final class ConnectionList extends VBox {
    private final ReadOnlyObjectProperty<List<ConnectionStatus>> connections;
    private final IntegerProperty selectedConn;
    private final InetSocketAddress server;
    private final ServerOutcomes outcomes;
    private final Timeline timeline;
    private final ObservableList<ConnectionRow> rows = FXCollections.observableArrayList();
    private int shownOpen = -1;
    /** The summary as last worded, without a note on what was copied, which stays until it changes. */
    private String summaryText = "";
    @FXML
    private Label summary;
    @FXML
    private TableView<ConnectionRow> table;
    @FXML
    private TableColumn<ConnectionRow, Integer> numberColumn;
    @FXML
    private TableColumn<ConnectionRow, String> labelColumn;
    @FXML
    private TableColumn<ConnectionRow, String> portColumn;
    @FXML
    private MenuItem copyCommand;
    @FXML
    private TableColumn<ConnectionRow, String> clientColumn;
    @FXML
    private TableColumn<ConnectionRow, String> serverColumn;
    @FXML
    private TableColumn<ConnectionRow, String> outcomeColumn;

    /**
     * @param connections  the lab's connections as last sampled, in order of connection
     * @param selectedConn the connection the commands act on (0: none)
     * @param timeline     the lab's events, for how each connection ended
     * @param server       the lab's server, whose address every connection shares
     */
    public ConnectionList(ReadOnlyObjectProperty<List<ConnectionStatus>> connections, IntegerProperty selectedConn,
                          Timeline timeline, InetSocketAddress server) {
        this.connections = connections;
        this.selectedConn = selectedConn;
        this.server = server;
        this.outcomes = new ServerOutcomes(timeline);
        this.timeline = timeline;
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        table.setItems(rows);
        numberColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().conn()));
        labelColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().label()));
        portColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().port()));
        clientColumn.setCellValueFactory(cell -> cell.getValue().clientProperty());
        serverColumn.setCellValueFactory(cell -> cell.getValue().serverProperty());
        outcomeColumn.setCellValueFactory(cell -> cell.getValue().outcomeProperty());
        for (var column : List.of(labelColumn, clientColumn, serverColumn, outcomeColumn)) {
            column.setCellFactory(c -> new WordsCell());
        }
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                selectedConn.set(is.conn());
            }
        });
        selectedConn.addListener((obs, was, is) -> select(is.intValue()));
        copyCommand.disableProperty().bind(selectedConn.lessThan(1));
        connections.addListener((obs, was, is) -> update(is));
        update(connections.get());
    }

    /** Shows {@code statuses}: changes the rows that changed, adds the new ones at once. */
    private void update(List<ConnectionStatus> statuses) {
        outcomes.pull();
        int open = 0;
        var added = new ArrayList<ConnectionRow>();
        for (int i = 0; i < statuses.size(); i++) {
            var status = statuses.get(i);
            ConnectionRow row;
            if (i < rows.size()) {
                row = rows.get(i);
            } else {
                row = new ConnectionRow(status);
                added.add(row);
            }
            row.update(status, outcomes.outcome(status.conn()));
            open += status.serverEnded() ? 0 : 1;
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
            labelColumn.setVisible(rows.stream().anyMatch(row -> !row.label().isEmpty()));
            select(selectedConn.get()); // it may have been selected before its row came
        }
        if (!added.isEmpty() || open != shownOpen) {
            shownOpen = open;
            summaryText = "Server " + server.getAddress().getHostAddress() + ":" + server.getPort() + " · "
                    + rows.size() + (rows.size() == 1 ? " connection, " : " connections, ") + open + " open";
            summary.setText(summaryText);
        }
    }

    /** Puts the command that replays the selected connection on the clipboard, and says so. */
    @FXML
    private void copyCommandLine() {
        int conn = selectedConn.get();
        var all = connections.get();
        if (conn < 1 || conn > all.size()) {
            return;
        }
        var content = new ClipboardContent();
        content.putString(ReplayCommand.commandLine(ReplayCommand.arguments(all.get(conn - 1), timeline)));
        Clipboard.getSystemClipboard().setContent(content);
        summary.setText(summaryText + " · copied connection " + conn + "'s replay command");
    }

    /** Selects connection {@code conn}'s row, scrolled into view if it is out of it. */
    private void select(int conn) {
        int index = conn - 1;
        if (index < 0 || index >= rows.size() || table.getSelectionModel().getSelectedIndex() == index) {
            return;
        }
        table.getSelectionModel().clearAndSelect(index);
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null
                && (index < flow.getFirstVisibleCell().getIndex() || index > flow.getLastVisibleCell().getIndex())) {
            table.scrollTo(index);
        }
    }

    /** A cell of words that may not fit its column: its tooltip shows them whole. */
    private static final class WordsCell extends TableCell<ConnectionRow, String> {
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            tip.setText(item);
            setTooltip(empty || item == null ? null : tip);
        }
    }
}
