package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.time.Duration;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.lab.Holding;
import org.keepalivelab.ui.connections.ConnectionRow;
import org.testfx.api.FxRobot;

/** The connection list with many connections, on a real lab: a click on a row selects its connection. */
@ResourceLock("javafx-toolkit")
class ConnectionListTest {
    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = LabWindow.killScenario();

    @Test
    void selectingConnection23Of30InTheListSelectsItAndTheListFollowsTheSelection() throws Exception {
        robot.interact(() -> robot.lookup("#clients-per-connect .text-field").queryAs(TextField.class).setText("29"));
        robot.clickOn("#connect");
        robot.clickOn("#connections-tab");
        @SuppressWarnings("unchecked")
        TableView<ConnectionRow> table = robot.lookup("#connection-table").queryAs(TableView.class);
        KillScenario.await(Duration.ofSeconds(15), "30 connections in the list, established",
                () -> onFx(() -> table.getItems().size() == 30
                        && table.getItems().stream().allMatch(row -> row.serverProperty().get().equals("ESTABLISHED"))));
        assertEquals("Server 127.0.0.1:" + window.app().session().lab().serverAddress().getPort()
                        + " · 30 connections, 30 open",
                onFx(() -> robot.lookup("#connection-summary").queryAs(Label.class).getText()));

        robot.interact(() -> table.scrollTo(22));
        var row23 = robot.lookup(".table-row-cell").match(node -> ((TableRow<?>) node).getIndex() == 22).query();
        robot.clickOn(row23);
        var session = window.app().session();
        assertEquals(23, onFx(() -> session.selectedConnProperty().get()), "the session's selection");
        assertEquals(23, onFx(() -> robot.lookup("#connection-selector").queryAs(ComboBox.class).getValue()),
                "the toolbar's connection follows");
        assertEquals(23, onFx(() -> session.selectedProperty().get().conn()), "and the commands act on it");
        var row = onFx(() -> table.getItems().get(22));
        assertEquals("open", onFx(() -> row.outcomeProperty().get()));
        assertTrue(onFx(() -> row.clientProperty().get().equals("ESTABLISHED")), onFx(() -> row.clientProperty().get()));

        // Selected elsewhere (the toolbar, the timeline), the row is selected and scrolled into view.
        robot.interact(() -> session.selectedConnProperty().set(1));
        assertEquals(0, onFx(() -> table.getSelectionModel().getSelectedIndex()));
        assertTrue(onFx(() -> {
            var flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            return flow.getFirstVisibleCell().getIndex() == 0;
        }), "connection 1's row is in view");
    }

    @Test
    void theShortcutCopiesTheCommandThatReplaysTheSelectedConnectionAndTheServerCanBeKilledFromTheBar() throws Exception {
        var session = window.app().session();
        var kill = robot.lookup("#kill").queryAs(SplitMenuButton.class);
        robot.interact(() -> WindowQueries.menuItem(kill, "kill-server").fire());
        KillScenario.await(Duration.ofSeconds(5), "the server to let go of its socket",
                () -> onFx(() -> session.selectedProperty().get().serverApp() == Holding.GONE));
        robot.clickOn("#connections-tab");
        robot.clickOn("#connection-table");
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.SHORTCUT);

        String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(copied.matches("\\./keepalive-lab --headless --server-keepalive 1,1,3 --orphan-lifetime 2 --at 0s:connect "
                + "--at '[0-9.]+s:send 5' --at '[0-9.]+s:kill server' --until closed"), copied);
        assertTrue(onFx(() -> robot.lookup("#connection-summary").queryAs(Label.class).getText())
                .endsWith(" · copied connection 1's replay command"));
    }
}
