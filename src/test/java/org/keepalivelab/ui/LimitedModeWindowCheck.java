package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;
import static org.keepalivelab.ui.WindowQueries.appTypes;
import static org.keepalivelab.ui.WindowQueries.installedTooltip;
import static org.keepalivelab.ui.WindowQueries.isAncestor;
import static org.keepalivelab.ui.WindowQueries.states;

import java.time.Duration;
import java.util.ArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SplitMenuButton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.LabMode;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.SegmentRow;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;
import org.testfx.api.FxRobot;

/**
 * The window in limited mode, as an ordinary user sees it with {@code --no-namespace}: the mode
 * banner, Sever disabled with its reason, capture off with its reason, and the lab still working
 * (connect, kill, the server's EOF, the one probe inferred from {@code TCP_INFO}).
 *
 * <p>Only a process without {@code CAP_NET_RAW} and {@code CAP_NET_ADMIN} is in limited mode, and
 * Maven's tests run as root: this class is not named like a test, so surefire leaves it alone, and
 * {@code org.keepalivelab.lab.LimitedModeWindowIT} runs it as nobody. Run with privileges, it fails
 * on its first assertion rather than pass without having seen limited mode.
 */
class LimitedModeWindowCheck {
    private static final String LIMITED = "Limited mode, no capture and no sever";

    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = new LabWindow(() -> new LabApp(KillScenario.SETTINGS, Isolation.DECLINED));

    @BeforeEach
    void limitedMode() {
        LabMode mode = window.app().session().lab().mode();
        // The kernel decided this, by refusing a packet socket and a socket filter: nothing here fakes it.
        assertTrue(!mode.capture() && !mode.sever() && !mode.privateNamespace(), () -> "This check needs a process "
                + "without CAP_NET_RAW and CAP_NET_ADMIN (LimitedModeWindowIT runs it as nobody); the lab's mode: " + mode);
    }

    @Test
    void saysWhichModeAndWhySeverAndCaptureAreOff() throws Exception {
        String banner = window.app().session().lab().mode().banner();
        var modeBanner = robot.lookup("#mode-banner").queryAs(Label.class);
        var sever = robot.lookup("#sever").queryAs(MenuButton.class);
        var holder = robot.lookup("#sever-holder").query();
        var capture = robot.lookup("#status-capture").queryAs(Label.class);
        KillScenario.await(Duration.ofSeconds(5), "the status line's first update",
                () -> onFx(() -> !capture.getText().isEmpty()));

        var tip = onFx(() -> installedTooltip(holder));
        assertAll(
                () -> assertTrue(banner.startsWith(LIMITED + ": "), banner),
                () -> assertEquals(LIMITED + ": application events and kernel state only, keep-alive probes inferred "
                        + "from TCP_INFO (--no-namespace, and this process lacks CAP_NET_RAW and CAP_NET_ADMIN).", banner),
                () -> assertTrue(onFx(() -> modeBanner.isVisible() && modeBanner.isManaged()), "the mode banner shows"),
                () -> assertEquals(banner, onFx(modeBanner::getText)),
                () -> assertTrue(onFx(() -> modeBanner.getHeight() > 0
                                && modeBanner.getScene() == window.app().stage().getScene()),
                        "the mode banner is laid out in the window"),
                () -> assertTrue(onFx(sever::isDisabled), "Sever is disabled"),
                () -> assertTrue(onFx(() -> isAncestor(holder, sever)), "the holder holds the Sever button"),
                () -> assertTrue(tip.getText().startsWith("Sever needs CAP_NET_ADMIN"), tip::getText),
                () -> assertTrue(tip.getText().contains("run Keepalive Lab without --no-namespace"), tip::getText),
                () -> assertEquals(window.app().session().lab().severProblem().orElseThrow(), tip.getText()),
                () -> assertTrue(onFx(capture::getText).startsWith("capture off: Capture needs CAP_NET_RAW"),
                        () -> onFx(capture::getText)),
                () -> assertTrue(onFx(() -> capture.getStyleClass().contains("status-problem")), "shown as a problem"));

        // A disabled control shows no tooltip of its own: hovering over it shows the holder's.
        robot.moveTo(sever);
        KillScenario.await(Duration.ofSeconds(5), "the reason's tooltip over the disabled Sever button",
                () -> onFx(tip::isShowing));
    }

    @Test
    void connectAndKillWorkAndNoSegmentIsShownButInferredProbes() throws Exception {
        // The seed connection: connected and "howdy" read by the server, from application events alone.
        window.awaitSeedGreeting();
        assertTrue(onFx(() -> appTypes(window.lane(1), Side.CLIENT)).contains(AppEventType.CONNECTED));
        assertTrue(onFx(() -> appTypes(window.lane(1), Side.SERVER)).contains(AppEventType.CONNECTED));

        // Connect opens a second connection, with the settings on the left.
        robot.clickOn("#connect");
        KillScenario.await(Duration.ofSeconds(5), "connection 2's client to connect", () ->
                onFx(() -> window.lane(2) != null
                        && appTypes(window.lane(2), Side.CLIENT).contains(AppEventType.CONNECTED)
                        && appTypes(window.lane(2), Side.SERVER).contains(AppEventType.CONNECTED)
                        && window.app().session().selectedConnProperty().get() == 2));

        // Kill acts on the selected connection; select the seed's.
        robot.interact(() -> window.app().session().selectedConnProperty().set(1));
        var kill = WindowQueries.menuItem(robot.lookup("#kill").queryAs(SplitMenuButton.class), "kill-client");
        KillScenario.await(Duration.ofSeconds(3), "Kill client to be enabled for connection 1", () ->
                onFx(() -> !kill.isDisable() && window.app().session().selectedProperty().get().conn() == 1));
        robot.clickOn("#kill .label");
        KillScenario.await(Duration.ofSeconds(3), "Kill client to be disabled once the client is gone",
                () -> onFx(kill::isDisable));
        assertTrue(onFx(() -> window.lane(1).actions().stream().map(a -> a.action().verb()).toList()).contains("kill"));
        assertTrue(onFx(() -> window.app().session().lab().connections().get(1).clientHeld()),
                "connection 2 is untouched");

        // The kernel's side of the kill, without a capture: the server's socket in CLOSE_WAIT, then,
        // once the orphan expires, the last probe's RST ends it: EOF, and one probe inferred from TCP_INFO.
        KillScenario.await(Duration.ofSeconds(15), "the server's EOF on the timeline", () -> onFx(() ->
                window.lane(1).app(Side.SERVER).outcomes().stream().anyMatch(e -> e.event() == AppEventType.EOF)));
        KillScenario.await(Duration.ofSeconds(3), "the server's last probe, inferred", () ->
                onFx(() -> !window.lane(1).probes(Side.SERVER).isEmpty()));
        assertTrue(onFx(() -> states(window.lane(1), Side.SERVER)).contains(TcpState.CLOSE_WAIT));

        var drawn = onFx(() -> {
            var segments = new ArrayList<String>();
            for (var lane : window.app().view().model().lanes()) {
                for (var side : Side.values()) {
                    SegmentRow row = lane.segments(side);
                    for (int i = 0; i < row.size(); i++) {
                        segments.add("#" + lane.conn() + " " + row.dir() + " " + row.kind(i)
                                + (row.inferred(i) ? " inferred" : ""));
                    }
                }
            }
            return segments;
        });
        var recorded = window.app().session().lab().timeline().snapshot().stream()
                .filter(SegmentEvent.class::isInstance).map(SegmentEvent.class::cast).toList();
        assertAll(
                () -> assertTrue(drawn.contains("#1 S2C KEEPALIVE inferred"), "the killed client's last probe: " + drawn),
                () -> assertTrue(drawn.stream().allMatch(s -> s.endsWith(" KEEPALIVE inferred")),
                        "the timeline shows inferred probes and no other segment: " + drawn),
                () -> assertFalse(recorded.isEmpty()),
                () -> assertTrue(recorded.stream().allMatch(s -> s.inferred() && s.kind() == SegmentKind.KEEPALIVE),
                        "the lab recorded inferred probes only: " + recorded),
                () -> assertEquals(recorded.size(), onFx(() -> window.app().view().model().segmentCount())),
                () -> assertEquals("", onFx(() -> window.app().session().messageProperty().get()), "no command failed"));
    }
}
