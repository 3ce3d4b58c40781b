package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.lab.Scenarios;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.model.TcpState;
import org.keepalivelab.ui.controls.KeepalivePreset;
import org.testfx.api.FxRobot;

/**
 * The Scenarios menu, with real labs: a scenario chosen starts in a fresh lab whose connections carry its
 * labels and whose events show its outcome; its question shows, its settings fill the settings panel and
 * stay editable; the lab shown before closes, threads and all; a capture shown gives way to the live lab;
 * where the lab runs in the host's namespace, a scenario's sysctls are not written, and it says so.
 */
@ResourceLock("javafx-toolkit")
class ScenarioWindowTest {
    private static final Path RETRIES2 = Path.of("/proc/sys/net/ipv4/tcp_retries2");

    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = LabWindow.killScenario();
    @TempDir
    Path dir;

    @Test
    void aScenarioRunsInAFreshLabWithItsLabelsQuestionAndSettings() throws Exception {
        var seedLab = window.app().session().lab();
        var seedThreads = List.of(seedLab.threadName("lab-loop"), seedLab.threadName("lab-capture"));
        var lab = window.chooseScenario("server-gone");

        var scenario = Scenarios.named("server-gone").orElseThrow();
        assertEquals(scenario.name() + ": " + scenario.question(), text("#scenario-question"));
        assertEquals(scenario.shows(), text("#scenario-shows"));
        assertFalse(onFx(() -> robot.lookup("#scenario-kernel-note").query().isVisible()), "it needs no sysctl");
        KillScenario.await(Duration.ofSeconds(10), "the seed's lab to close, threads and all",
                () -> !WindowQueries.alive(seedThreads));

        KillScenario.await(Duration.ofSeconds(10), "the scenario's three connections",
                () -> lab.connections().size() == 3);
        assertEquals(List.of("client keep-alive", "no keep-alive", "server killed"),
                lab.connections().stream().map(c -> c.label()).toList(), "each variant its own connection, labelled");
        KillScenario.await(Duration.ofSeconds(10), "the lanes", () -> onFx(() -> window.lane(3) != null));
        for (int conn = 1; conn <= 3; conn++) {
            int c = conn;
            var label = lab.connections().get(conn - 1).label();
            // A title is worded once the window's session has sampled its connection (ten times a second).
            KillScenario.await(Duration.ofSeconds(5), "lane " + conn + "'s title to say " + label,
                    () -> onFx(() -> window.app().view().timeline().laneTitle(c)).startsWith(label + " · "));
        }
        // The killed server's kernel sends FIN at 1 s: the client reads EOF; its write at 2 s draws RST.
        KillScenario.await(Duration.ofSeconds(10), "the killed server's kernel to answer the client's write with RST",
                () -> onFx(() -> window.lane(3).count(Side.SERVER, SegmentKind.RST) >= 1));
        assertTrue(onFx(() -> WindowQueries.appTypes(window.lane(3), Side.CLIENT)).contains(AppEventType.EOF),
                "the client read EOF at once");
        assertEquals(1, onFx(() -> window.lane(3).count(Side.SERVER, SegmentKind.FIN)), "the server's kernel's FIN");

        @SuppressWarnings("unchecked")
        ComboBox<ServerPolicy> policy = robot.lookup("#server-policy").queryAs(ComboBox.class);
        assertEquals(ServerPolicy.READ_KEEP, onFx(policy::getValue), "the scenario's settings in the panel");
        assertFalse(onFx(() -> robot.lookup("#server-keepalive").queryAs(CheckBox.class).isSelected()),
                "its server keep-alive off");
        assertEquals(scenario.settings(), lab.initialSettings());
        robot.interact(() -> robot.lookup("#server-preset").queryAs(ComboBox.class).setValue(KeepalivePreset.FAST_DEMO));
        assertEquals(KeepalivePreset.FAST_DEMO.settings(), lab.settings().server().keepalive(),
                "editable afterwards, for the next Connect");
        assertTrue(onFx(() -> window.app().stage().getScene().getAccelerators()
                        .containsKey(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN))),
                "the new view's File menu keeps its accelerators");
    }

    @Test
    void aCaptureShownGivesWayToTheScenarioLiveAndAltSOpensTheMenu() throws Exception {
        var seedLab = window.app().session().lab();
        var run = dir.resolve("seed-run");
        onFx(() -> window.app().view().saveRun(run)).get(20, TimeUnit.SECONDS);
        onFx(() -> window.app().view().openCapture(run)).get(20, TimeUnit.SECONDS);
        assertFalse(onFx(() -> window.app().view().captureScreen()) == null, "a capture is shown");

        var menu = robot.lookup("#scenario-menu").queryAs(MenuButton.class);
        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT);
        KillScenario.await(Duration.ofSeconds(5), "Alt+S to open the Scenarios menu", () -> onFx(menu::isShowing));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        var lab = window.chooseScenario("graceful");
        assertNull(onFx(() -> window.app().view().captureScreen()), "the live lab is shown");
        KillScenario.await(Duration.ofSeconds(10), "the client to hold TIME_WAIT, having closed first",
                () -> onFx(() -> window.lane(1) != null
                        && WindowQueries.states(window.lane(1), Side.CLIENT).contains(TcpState.TIME_WAIT)));
        assertFalse(onFx(() -> WindowQueries.states(window.lane(1), Side.SERVER)).contains(TcpState.TIME_WAIT),
                "not the server, which closed second");
        assertEquals(1, lab.connections().size());
    }

    @Test
    void inTheHostsNamespaceAScenarioSysctlIsNotWrittenAndTheNoteSaysWhatItRunsWith() throws Exception {
        String before = Files.readAllLines(RETRIES2).getFirst().strip();
        window.chooseScenario("data-in-flight");
        var note = text("#scenario-kernel-note");
        assertEquals("Runs with this kernel's net.ipv4.tcp_retries2=" + before + ", not the scenario's 5, which the "
                + "lab cannot set here. The lab runs in the host's network namespace, whose TCP settings are the "
                + "machine's: restart with --sysctl to give the lab a namespace of its own.", note);
        assertTrue(onFx(() -> robot.lookup("#scenario-kernel-note").query().isVisible()));
        assertEquals(before, Files.readAllLines(RETRIES2).getFirst().strip(), "the host's value as it was");
    }

    private String text(String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
