package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;
import static org.keepalivelab.ui.WindowQueries.alive;
import static org.keepalivelab.ui.WindowQueries.states;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.Sever;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.ProbeAnswer;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.ui.controls.KeepalivePreset;
import org.keepalivelab.ui.export.ExportRequest;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.ConnectionLane;
import org.keepalivelab.ui.timeline.Hit;
import org.keepalivelab.ui.timeline.PaletteRole;
import org.keepalivelab.ui.timeline.TimelineView;
import org.testfx.api.FxRobot;

/** The window on JavaFX's Headless platform, with a real lab and short kernel settings. */
// The JavaFX toolkit is one per JVM: window tests take turns, lab tests run beside them.
@ResourceLock("javafx-toolkit")
class LabAppTest {
    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = new LabWindow(() -> new LabApp(KillScenario.SETTINGS, Isolation.HOST));

    @TempDir
    Path dir;

    @BeforeEach
    void seedGreeting() throws Exception {
        window.awaitSeedGreeting();
    }

    @Test
    void killShowsProbesAnsweredUntilTheOrphanDiesThenRstAndServerEof() throws Exception {
        robot.clickOn("#kill .label");
        KillScenario.await(Duration.ofSeconds(15), "the server's EOF on the timeline", () -> onFx(() ->
                window.lane(1).app(Side.SERVER).outcomes().stream().anyMatch(e -> e.event() == AppEventType.EOF)));

        ConnectionLane lane = onFx(() -> window.lane(1));
        var probes = onFx(() -> lane.probes(Side.SERVER));
        assertTrue(probes.size() >= 2, "probes: " + probes);
        assertEquals(ProbeAnswer.RST, probes.getLast().answer(), "the last probe is answered by RST: " + probes);
        assertTrue(probes.subList(0, probes.size() - 1).stream().allMatch(p -> p.answer() == ProbeAnswer.ACK),
                "earlier probes are answered by the client's orphan: " + probes);
        assertEquals(1, onFx(() -> lane.count(Side.CLIENT, SegmentKind.FIN)), "the killed client's FIN");
        assertEquals(1, onFx(() -> lane.count(Side.CLIENT, SegmentKind.RST)), "the RST for the last probe");
        var serverStates = onFx(() -> states(lane, Side.SERVER));
        assertTrue(serverStates.containsAll(List.of(TcpState.ESTABLISHED, TcpState.CLOSE_WAIT, TcpState.CLOSED)),
                "server bands: " + serverStates);
        var clientStates = onFx(() -> states(lane, Side.CLIENT));
        assertTrue(clientStates.contains(TcpState.FIN_WAIT2), "client bands: " + clientStates);
        assertTrue(onFx(() -> WindowQueries.menuItem(robot.lookup("#kill").queryAs(SplitMenuButton.class), "kill-client")
                        .isDisable()), "Kill client is disabled once the client is gone");
        assertFalse(onFx(() -> robot.lookup("#kill").queryAs(SplitMenuButton.class).isDisabled()),
                "Kill stays enabled for the server, which still holds its socket");

        Path png = dir.resolve("timeline.png");
        CompletableFuture<Path> written = onFx(() -> window.app().view().exportPng(
                new ExportRequest(true, 1600, 900, Theme.DARK), png));
        written.get(30, TimeUnit.SECONDS);
        PngExportTest.assertPicture(ImageIO.read(png.toFile()), 1600);
    }

    @Test
    void hoveringTheMiddleOfAnOutcomesDrawnLabelShowsTheOutcome() throws Exception {
        robot.clickOn("#kill .label");
        KillScenario.await(Duration.ofSeconds(15), "the server's EOF on the timeline", () ->
                onFx(() -> window.lane(1).app(Side.SERVER).outcomes().stream().anyMatch(e -> e.event() == AppEventType.EOF)));
        var view = window.app().view().timeline();
        robot.interact(view::showAll); // the EOF, the lab's last event, lies near the right edge
        KillScenario.await(Duration.ofSeconds(3), "the EOF's label to be drawn left of its line",
                () -> onFx(() -> drawnEofLabelMiddle(view)) != null);
        var middle = onFx(() -> drawnEofLabelMiddle(view));

        var hit = onFx(() -> view.hitAt(middle.getX(), middle.getY()));
        assertTrue(hit instanceof Hit.App app && app.side() == Side.SERVER
                && onFx(() -> window.lane(1).app(Side.SERVER).get(app.index()).event()) == AppEventType.EOF, "hit: " + hit);
        robot.moveTo(onFx(() -> view.localToScreen(middle)));
        var hover = robot.lookup(".timeline-hover").queryAs(Label.class);
        KillScenario.await(Duration.ofSeconds(3), "the hover to show", () -> onFx(hover::isVisible));
        assertTrue(onFx(hover::getText).contains("EOF: the read returned end of stream"), onFx(hover::getText));
    }

    @Test
    void zoomsAndPansWithTheKeyboardAndShowsAMarksDetailsOnHoverAndClick() throws Exception {
        var view = window.app().view().timeline();
        long span = onFx(() -> view.viewport().span());
        assertTrue(onFx(() -> view.viewport().following()), "it follows live time from the start");

        robot.clickOn("#timeline").type(KeyCode.ADD);
        assertTrue(onFx(() -> view.viewport().span()) < span, "+ zooms in");
        robot.type(KeyCode.SUBTRACT, KeyCode.SUBTRACT);
        assertTrue(onFx(() -> view.viewport().span()) > span, "− zooms out");
        robot.type(KeyCode.LEFT);
        assertFalse(onFx(() -> view.viewport().following()), "← pans back and stops following");
        robot.type(KeyCode.L);
        assertTrue(onFx(() -> view.viewport().following()), "L follows live time again");

        // Find the seed's SYN on the client's track by asking the view what lies where, then point at it.
        robot.type(KeyCode.A);
        var syn = onFx(() -> {
            for (double x = 0; x < view.getWidth(); x += 1) {
                for (double y = 0; y < view.getHeight(); y += 2) {
                    if (view.hitAt(x, y) instanceof Hit.Segment segment && segment.side() == Side.CLIENT
                            && view.model().lane(1, false).orElseThrow().segments(Side.CLIENT).kind(segment.index())
                            == SegmentKind.SYN) {
                        return view.localToScreen(x, y);
                    }
                }
            }
            return null;
        });
        assertNotNull(syn, "the SYN is drawn somewhere on the whole-lab view");
        robot.moveTo(syn);
        var hover = robot.lookup(".timeline-hover").queryAs(Label.class);
        KillScenario.await(Duration.ofSeconds(3), "the hover to show", () -> onFx(hover::isVisible));
        assertTrue(onFx(hover::getText).contains("[SYN]"), onFx(hover::getText));
        robot.clickOn(syn);
        var details = onFx(() -> robot.lookup("#details").queryAs(Label.class).getText());
        assertTrue(details.contains("[SYN]") && details.contains("seq") && details.contains("opens the connection"), details);
    }

    @Test
    void theHoveredAndPinnedDetailsFollowTheLab() throws Exception {
        var view = window.app().view().timeline();
        var established = onFx(() -> new Hit.State(1, Side.SERVER,
                states(window.lane(1), Side.SERVER).lastIndexOf(TcpState.ESTABLISHED)));
        var point = onFx(() -> {
            for (double x = view.getWidth() - 1; x >= 0; x -= 2) {
                for (double y = 0; y < view.getHeight(); y += 2) {
                    if (established.equals(view.hitAt(x, y))) {
                        return view.localToScreen(x, y);
                    }
                }
            }
            return null;
        });
        assertNotNull(point, "the server's ESTABLISHED band is drawn");
        robot.moveTo(point);
        robot.interact(() -> view.pin(established));
        var hover = robot.lookup(".timeline-hover").queryAs(Label.class);
        var details = robot.lookup("#details").queryAs(Label.class);
        KillScenario.await(Duration.ofSeconds(3), "the hover to show", () -> onFx(hover::isVisible));
        assertFalse(onFx(hover::getText).contains(" for "), "the band lasts: " + onFx(hover::getText));
        assertFalse(onFx(details::getText).contains(" for "), "the band lasts: " + onFx(details::getText));

        onFx(() -> window.app().session().act(new Action.Kill())); // the mouse stays on the band
        KillScenario.await(Duration.ofSeconds(15), "the pinned band's details to say how long it lasted",
                () -> onFx(details::getText).contains(" for "));
        assertTrue(onFx(hover::getText).contains(" for "), "the hovered band's too: " + onFx(hover::getText));
    }

    @Test
    void zoomsInProportionToTheWheelsDeltaNotItsMomentumAndShiftScrollsLanesWithAHorizontalDelta() throws Exception {
        var view = window.app().view().timeline();
        var canvas = onFx(() -> view.getChildrenUnmodifiable().stream().filter(Canvas.class::isInstance)
                .map(Canvas.class::cast).findFirst().orElseThrow());
        long span = onFx(() -> view.viewport().span());
        scroll(canvas, false, false, 0, 40);
        long notch = onFx(() -> view.viewport().span());
        assertEquals(0.8, (double) notch / span, 1e-6, "a notch zooms in by 0.8, as always");
        scroll(canvas, false, false, 0, 20);
        assertEquals(Math.sqrt(0.8), (double) onFx(() -> view.viewport().span()) / notch, 1e-6, "half a notch, half as far");
        long half = onFx(() -> view.viewport().span());
        scroll(canvas, false, true, 0, 40);
        assertEquals(half, onFx(() -> view.viewport().span()), "a swipe's momentum does not zoom");

        // macOS sends Shift+wheel as a horizontal scroll; it needs lanes below the window to scroll to.
        robot.interact(() -> robot.lookup("#clients-per-connect .text-field").queryAs(TextField.class).setText("4"));
        robot.clickOn("#connect");
        var lanes = robot.lookup("#timeline .scroll-bar").queryAs(ScrollBar.class);
        KillScenario.await(Duration.ofSeconds(10), "the lanes to overflow the timeline",
                () -> onFx(() -> lanes.isVisible() && lanes.getMax() > 60));
        scroll(canvas, true, false, -60, 0);
        assertEquals(60, onFx(lanes::getValue), 1e-9, "Shift with a horizontal delta scrolls the lanes");
        assertEquals(half, onFx(() -> view.viewport().span()), "and does not zoom");
    }

    /** Scrolls the timeline's canvas as a wheel or trackpad would, with JavaFX's usual 40 px a notch. */
    private void scroll(Canvas canvas, boolean shift, boolean inertia, double deltaX, double deltaY) {
        robot.interact(() -> Event.fireEvent(canvas, new ScrollEvent(ScrollEvent.SCROLL, canvas.getWidth() / 2,
                canvas.getHeight() / 2, 0, 0, shift, false, false, false, false, inertia, deltaX, deltaY, deltaX, deltaY,
                40, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
    }

    @Test
    void connectOpensAsManyClientsAsAsked() throws Exception {
        var clients = robot.lookup("#clients-per-connect .text-field").queryAs(TextField.class);
        robot.interact(() -> clients.setText("0"));
        assertEquals("clients per connect must be 1..1000",
                onFx(() -> robot.lookup("#clients-per-connect .field-error").queryAs(Label.class).getText()));
        assertTrue(onFx(() -> robot.lookup("#connect").queryAs(Button.class).isDisabled()), "Connect waits for a valid count");
        robot.interact(() -> clients.setText("3"));

        robot.clickOn("#connect");
        var session = window.app().session();
        KillScenario.await(Duration.ofSeconds(10), "connections 2 to 4", () -> session.lab().connections().size() == 4
                && session.lab().connections().stream().allMatch(c -> c.clientHeld()));
        assertEquals(2, onFx(() -> session.selectedConnProperty().get()), "the first of them is selected");
    }

    @Test
    void refusesAnInvalidValueAtTheFieldWithItsRange() throws Exception {
        var idle = robot.lookup("#server-idle .text-field").queryAs(TextField.class);
        robot.interact(() -> idle.setText("0"));
        var error = robot.lookup("#server-idle .field-error").queryAs(Label.class);
        assertTrue(onFx(error::isVisible));
        assertEquals("keepalive idle must be 1..32767 s", onFx(error::getText));
        assertTrue(onFx(() -> idle.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid"))));
        var lab = window.app().session().lab();
        assertEquals(1, lab.settings().server().keepalive().idle(), "the refused value is not taken");

        robot.interact(() -> idle.setText("40000"));
        assertEquals(1, lab.settings().server().keepalive().idle());

        robot.interact(() -> idle.setText("7"));
        assertFalse(onFx(error::isVisible));
        assertEquals(7, lab.settings().server().keepalive().idle(), "a valid value applies");

        var count = robot.lookup("#server-count .text-field").queryAs(TextField.class);
        robot.interact(() -> count.setText("200"));
        assertEquals("keepalive count must be 1..127 (0 = kernel default, " + KernelSettings.read().keepaliveProbes() + ")",
                onFx(() -> robot.lookup("#server-count .field-error").queryAs(Label.class).getText()));
    }

    @Test
    void untickingKeepaliveDropsItsRefusedFieldsAndConnectWaitsForValidSettings() throws Exception {
        var idle = robot.lookup("#server-idle .text-field").queryAs(TextField.class);
        var keepalive = robot.lookup("#server-keepalive").queryAs(CheckBox.class);
        Button connect = robot.lookup("#connect").queryAs(Button.class);
        var lab = window.app().session().lab();
        robot.interact(() -> idle.setText("0"));
        assertTrue(onFx(connect::isDisabled), "Connect waits while a field is refused");

        robot.interact(() -> robot.lookup("#server-preset").queryAs(ComboBox.class).setValue(KeepalivePreset.OFF));
        assertFalse(lab.settings().server().keepalive().enabled(), "the Keep-alive off preset turns it off");
        assertFalse(onFx(connect::isDisabled), "the disabled idle field no longer counts");

        robot.interact(() -> keepalive.setSelected(true));
        assertTrue(onFx(connect::isDisabled), "ticked again, the refused idle counts again");
        robot.interact(() -> keepalive.setSelected(false));
        assertFalse(lab.settings().server().keepalive().enabled(), "unticked, keep-alive is off");
        assertFalse(onFx(connect::isDisabled));
    }

    @Test
    void enablesOnlyTheButtonsThatApply() throws Exception {
        Button restore = robot.lookup("#restore").queryAs(Button.class);
        MenuButton sever = robot.lookup("#sever").queryAs(MenuButton.class);
        SplitMenuButton kill = robot.lookup("#kill").queryAs(SplitMenuButton.class);
        assertTrue(onFx(restore::isDisabled), "nothing to restore");
        assertFalse(onFx(sever::isDisabled));
        assertFalse(onFx(kill::isDisabled));

        onFx(() -> window.app().session().sever(Sever.BOTH)).get(5, TimeUnit.SECONDS);
        KillScenario.await(Duration.ofSeconds(3), "Restore to be enabled", () -> onFx(() -> !restore.isDisabled()));
        assertTrue(onFx(sever::isDisabled), "already severed");

        robot.clickOn("#restore");
        KillScenario.await(Duration.ofSeconds(3), "Restore to be disabled again", () -> onFx(restore::isDisabled));
        assertFalse(onFx(sever::isDisabled));
    }

    @Test
    void aClientClosingGracefullyCanStillBeKilledOrAbortedButNotSendOrCloseAgain() throws Exception {
        Button send = robot.lookup("#send").queryAs(Button.class);
        robot.clickOn("#close .label");
        // The read-once server reads no EOF and never closes: the client stays closing.
        KillScenario.await(Duration.ofSeconds(3), "Send to be disabled", () -> onFx(send::isDisabled));
        var close = robot.lookup("#close").queryAs(SplitMenuButton.class);
        assertTrue(onFx(() -> WindowQueries.menuItem(close, "close-client").isDisable()));
        assertTrue(onFx(() -> WindowQueries.menuItem(close, "half-close").isDisable()));
        assertFalse(onFx(() -> WindowQueries.menuItem(close, "close-server").isDisable()), "the server may still close");
        assertTrue(onFx(() -> window.app().session().selectedProperty().get().clientHeld()), "the client still holds it");
        assertFalse(onFx(() -> WindowQueries.menuItem(robot.lookup("#kill").queryAs(SplitMenuButton.class), "kill-client")
                .isDisable()));
        assertFalse(onFx(() -> WindowQueries.menuItem(robot.lookup("#abort").queryAs(SplitMenuButton.class), "abort-client")
                .isDisable()));
    }

    @Test
    void closingTheWindowStopsTheLab() throws Exception {
        var lab = window.app().session().lab();
        var threads = List.of(lab.threadName("lab-loop"), lab.threadName("lab-capture"));
        assertTrue(alive(threads), "the lab runs while the window is open");
        robot.interact(() -> window.app().stage().close());
        window.app().closed().get(5, TimeUnit.SECONDS);
        assertFalse(alive(threads), threads + " ended with the lab");
    }

    /**
     * The middle of the EOF's label as the view drew it, found by its colour: the EOF's line is the
     * column with the most such pixels, the label the ones on the line's last rows (the baseline sits 2 px
     * above its end) left of it. Null until the label is drawn there.
     */
    private static Point2D drawnEofLabelMiddle(TimelineView view) {
        var image = view.snapshot(null, null);
        var pixels = image.getPixelReader();
        var eof = view.palette().get(PaletteRole.EOF);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int line = -1;
        int lineBottom = 0;
        for (int x = 0, most = 0; x < width; x++) {
            int count = 0;
            for (int y = 0; y < height; y++) {
                if (near(pixels.getColor(x, y), eof)) {
                    count++;
                    if (count > most) {
                        most = count;
                        line = x;
                        lineBottom = y;
                    }
                }
            }
        }
        double minX = Double.MAX_VALUE;
        double maxX = -1;
        double minY = Double.MAX_VALUE;
        double maxY = -1;
        for (int x = 0; x < line - 2; x++) {
            for (int y = Math.max(0, lineBottom - 14); y <= lineBottom; y++) {
                if (near(pixels.getColor(x, y), eof)) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        double scale = image.getWidth() / view.getWidth();
        return maxX < 0 ? null : new Point2D((minX + maxX) / 2 / scale, (minY + maxY) / 2 / scale);
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue()) < 0.1;
    }
}
