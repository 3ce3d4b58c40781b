package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;
import static org.keepalivelab.ui.WindowQueries.appTypes;
import static org.keepalivelab.ui.WindowQueries.installedTooltip;
import static org.keepalivelab.ui.WindowQueries.isAncestor;
import static org.keepalivelab.ui.WindowQueries.states;

import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.KeepaliveSettings;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.SocketSettings;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;
import org.testfx.api.FxRobot;

/**
 * The window as it is on macOS and Windows (the lab told it is on another system, see
 * {@link Isolation#otherSystem}): the banner says application events only and why, Sever and the Linux
 * socket options are disabled with their reasons, and Kill client still shows what the server reads.
 */
@ResourceLock("javafx-toolkit")
class OtherSystemWindowTest {
    private static final LabSettings SETTINGS =
            LabSettings.seed().withServer(SocketSettings.DEFAULT.withKeepalive(KeepaliveSettings.of(1, 1, 3)));

    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = new LabWindow(() -> new LabApp(SETTINGS, Isolation.otherSystem("Mac OS X 15.1")));

    @BeforeEach
    void seedGreeting() throws Exception {
        window.awaitSeedGreeting();
    }

    @Test
    void saysApplicationEventsOnlyAndDisablesWhatNeedsLinux() throws Exception {
        var modeBanner = robot.lookup("#mode-banner").queryAs(Label.class);
        var sever = robot.lookup("#sever").queryAs(MenuButton.class);
        var holder = robot.lookup("#sever-holder").query();
        var capture = robot.lookup("#status-capture").queryAs(Label.class);
        var next = robot.lookup("#status-next-step").queryAs(Label.class);
        KillScenario.await(Duration.ofSeconds(5), "the status line's first update",
                () -> onFx(() -> !capture.getText().isEmpty() && !next.getText().isEmpty()));

        var tip = onFx(() -> installedTooltip(holder));
        assertAll(
                () -> assertEquals("Application events only: capture, sever and the kernel's socket state use Linux "
                        + "interfaces (AF_PACKET, socket filters, TCP_INFO), and this is Mac OS X 15.1. Nothing here shows when the "
                        + "kernel ends a connection, so a read-once server reads on after its first message.",
                        onFx(modeBanner::getText)),
                () -> assertTrue(onFx(() -> modeBanner.isVisible() && modeBanner.getHeight() > 0), "the banner shows"),
                () -> assertTrue(onFx(sever::isDisabled), "Sever is disabled"),
                () -> assertTrue(onFx(() -> isAncestor(holder, sever)), "the holder holds the Sever button"),
                () -> assertEquals("Sever needs a drop-all socket filter on TCP sockets (Linux's SO_ATTACH_FILTER), and "
                        + "this is Mac OS X 15.1: run Keepalive Lab on Linux to sever.", tip.getText()),
                () -> assertTrue(onFx(capture::getText).startsWith("capture off: Capture needs Linux's AF_PACKET sockets"),
                        () -> onFx(capture::getText)),
                () -> assertEquals("#1  the kernel's state and timers are not visible on this system", onFx(next::getText)),
                () -> assertTrue(onFx(() -> robot.lookup("#server-user-timeout").query().isDisabled()
                        && robot.lookup("#client-user-timeout").query().isDisabled()
                        && robot.lookup("#orphan-lifetime").query().isDisabled()), "the Linux socket options are off"),
                () -> assertTrue(onFx(() -> robot.lookup(".hint").queryAllAs(Label.class).stream().anyMatch(hint ->
                        hint.getText().equals(window.app().session().lab().linuxOptionsProblem().orElseThrow()))),
                        "the orphan lifetime's hint says why"),
                () -> assertTrue(onFx(() -> !robot.lookup("#connect").queryAs(Button.class).isDisabled()), "Connect works"));
    }

    @Test
    void theCaptureProblemsTooltipStaysOpenWhileTheStatusLineUpdates() throws Exception {
        var capture = robot.lookup("#status-capture").queryAs(Label.class);
        KillScenario.await(Duration.ofSeconds(5), "the status line's first update",
                () -> onFx(() -> capture.getTooltip() != null));
        robot.moveTo(capture);
        KillScenario.await(Duration.ofSeconds(5), "the capture problem's tooltip",
                () -> onFx(() -> capture.getTooltip().isShowing()));
        var tip = onFx(capture::getTooltip);
        Thread.sleep(500); // five status updates
        assertTrue(onFx(() -> capture.getTooltip() == tip && tip.isShowing()), "the same tooltip still shows");
    }

    @Test
    void killClientShowsTheServersEofAndNothingOfTheKernel() throws Exception {
        robot.clickOn("#kill .label");
        KillScenario.await(Duration.ofSeconds(5), "the server's EOF on the timeline", () ->
                onFx(() -> appTypes(window.lane(1), Side.SERVER).contains(AppEventType.EOF)));

        assertAll(
                () -> assertEquals(List.of(AppEventType.CONNECTED, AppEventType.READ, AppEventType.EOF),
                        onFx(() -> appTypes(window.lane(1), Side.SERVER))),
                () -> assertEquals(0, onFx(() -> window.app().view().model().segmentCount()), "no segment drawn"),
                () -> assertEquals(List.of(), onFx(() -> states(window.lane(1), Side.SERVER)), "no kernel state drawn"),
                () -> assertEquals(List.of(), onFx(() -> states(window.lane(1), Side.CLIENT))),
                () -> assertTrue(onFx(() -> window.lane(1).actions().stream().anyMatch(a -> a.action() instanceof Action.Kill))),
                () -> assertEquals("", onFx(() -> window.app().session().messageProperty().get()), "no command failed"));
    }
}
