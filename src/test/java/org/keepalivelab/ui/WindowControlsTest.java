package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;
import static org.keepalivelab.ui.WindowQueries.alive;
import static org.keepalivelab.ui.WindowQueries.installedTooltip;
import static org.keepalivelab.ui.WindowQueries.isAncestor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keepalivelab.export.AppVersion;
import org.keepalivelab.model.Action;
import org.keepalivelab.ui.controls.Command;
import org.testfx.api.FxRobot;

/** A disabled command says why, and the window closes from the keyboard as from its close button. */
@ResourceLock("javafx-toolkit")
class WindowControlsTest {
    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = LabWindow.killScenario();

    @Test
    void theWindowIsTitledWithTheVersionAndCarriesTheAppsIconInEverySize() {
        var stage = window.app().stage();
        assertEquals(AppVersion.nameAndVersion(), onFx(stage::getTitle));
        assertEquals(List.of(16.0, 32.0, 48.0, 64.0, 128.0, 256.0),
                onFx(() -> stage.getIcons().stream().map(Image::getWidth).toList()));
    }

    @Test
    void aDisabledCommandSaysWhyInItsHoldersTooltip() throws Exception {
        var sever = robot.lookup("#sever").queryAs(MenuButton.class);
        var severHolder = robot.lookup("#sever-holder").query();
        assertTrue(onFx(() -> isAncestor(severHolder, sever)), "the holder holds the Sever button");
        assertFalse(onFx(sever::isDisabled));
        assertEquals(Command.SEVER.description(), onFx(() -> installedTooltip(severHolder).getText()),
                "while it can act, what it does");
        assertEquals("Nothing is severed on connection 1.",
                onFx(() -> installedTooltip(robot.lookup("#restore-holder").query()).getText()));

        onFx(() -> window.app().session().act(new Action.Kill())).get(5, TimeUnit.SECONDS);
        KillScenario.await(Duration.ofSeconds(3), "Sever to be disabled", () -> onFx(sever::isDisabled));
        String gone = "Connection 1's client no longer holds its socket: it was closed, killed or aborted.";
        for (var holder : List.of("#sever-holder", "#send-holder")) {
            assertEquals(gone, onFx(() -> installedTooltip(robot.lookup(holder).query()).getText()), holder);
        }
        assertEquals("Click: Kill client; ▾ for the rest.\nKill client: " + gone + "\nKill server: "
                        + Command.KILL_SERVER.description(),
                onFx(() -> installedTooltip(robot.lookup("#kill-holder").query()).getText()),
                "item by item, what it does or why not");
        assertTrue(onFx(() -> WindowQueries.menuItem(robot.lookup("#kill").queryAs(SplitMenuButton.class), "kill-client")
                .isDisable()));

        // A disabled control sees no pointer: hovering over it shows its holder's tooltip.
        robot.moveTo(sever);
        var tip = onFx(() -> installedTooltip(severHolder));
        KillScenario.await(Duration.ofSeconds(5), "the reason's tooltip over the disabled Sever", () -> onFx(tip::isShowing));
    }

    @Test
    void aWaitingConnectNamesTheRefusedFieldsAndAClickOnItGoesToTheFirst() throws Exception {
        var connect = robot.lookup("#connect").queryAs(Button.class);
        var holder = robot.lookup("#connect-holder").query();
        var clients = robot.lookup("#clients-per-connect .text-field").queryAs(TextField.class);
        var interval = robot.lookup("#client-interval .text-field").queryAs(TextField.class);
        robot.interact(() -> {
            robot.lookup("#client-keepalive").queryAs(CheckBox.class).setSelected(true);
            interval.setText("0");
            clients.setText("1001");
        });
        assertTrue(onFx(connect::isDisabled));
        assertEquals("Connect waits for valid settings: keepalive interval must be 1..32767 s (client socket); "
                + "clients per connect must be 1..1000. Click to go to the first.",
                onFx(() -> installedTooltip(holder).getText()));

        robot.interact(() -> interval.setText("5"));
        assertEquals("Connect waits for valid settings: clients per connect must be 1..1000. Click to go to the first.",
                onFx(() -> installedTooltip(holder).getText()));

        // The field, last in the settings, is out of view, and the connections are shown instead.
        var scroll = robot.lookup("#settings-panel .scroll-pane").queryAs(ScrollPane.class);
        var side = robot.lookup("#side-pane").queryAs(TabPane.class);
        robot.interact(() -> {
            side.getSelectionModel().select(1);
            scroll.setVvalue(0);
        });
        robot.clickOn(holder);
        assertEquals(0, onFx(() -> side.getSelectionModel().getSelectedIndex()), "the settings are shown");
        assertTrue(onFx(clients::isFocused), "the refused field has the cursor");
        assertTrue(onFx(() -> {
            var viewport = scroll.localToScene(scroll.getViewportBounds());
            var field = clients.localToScene(clients.getBoundsInLocal());
            return field.getMinY() >= scroll.localToScene(scroll.getBoundsInLocal()).getMinY()
                    && field.getMaxY() <= scroll.localToScene(scroll.getBoundsInLocal()).getMinY() + viewport.getHeight();
        }), "and is scrolled into view");

        robot.interact(() -> clients.setText("2"));
        assertFalse(onFx(connect::isDisabled));
        assertEquals("Open new connections with the settings on the left", onFx(() -> installedTooltip(holder).getText()));
    }

    @Test
    void aDisabledSettingSaysWhyInItsSlotsTooltip() {
        var clientIdle = robot.lookup("#client-idle").query();
        assertTrue(onFx(clientIdle::isDisabled), "the client's keep-alive is off");
        assertEquals("Keep-alive is off: tick keep-alive (SO_KEEPALIVE) to set this.",
                onFx(() -> installedTooltip(clientIdle.getParent()).getText()));
        assertEquals("1..32767 s", onFx(() -> installedTooltip(robot.lookup("#server-idle").query().getParent()).getText()),
                "an enabled field's says what it takes");
        robot.interact(() -> robot.lookup("#client-keepalive").queryAs(CheckBox.class).setSelected(true));
        assertEquals("1..32767 s", onFx(() -> installedTooltip(clientIdle.getParent()).getText()));
    }

    @ParameterizedTest
    @EnumSource(value = KeyCode.class, names = {"Q", "W"})
    void ctrlQAndCtrlWCloseTheWindowAndStopTheLab(KeyCode key) throws Exception {
        var lab = window.app().session().lab();
        var threads = List.of(lab.threadName("lab-loop"), lab.threadName("lab-capture"));
        assertTrue(alive(threads), "the lab runs while the window is open");
        robot.clickOn("#timeline");
        robot.press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
        window.app().closed().get(5, TimeUnit.SECONDS);
        assertFalse(onFx(() -> window.app().stage().isShowing()), "the window is closed");
        assertFalse(alive(threads), threads + " ended with the lab");
    }
}
