package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.bench.KeepaliveCaptureWriter;
import org.keepalivelab.capture.Tshark;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.ui.capture.CaptureLoad;
import org.keepalivelab.ui.capture.CaptureSummary;
import org.keepalivelab.ui.capture.OpenedCapture;
import org.keepalivelab.ui.capture.RunFolder;
import org.keepalivelab.ui.controls.Command;
import org.testfx.api.FxRobot;

/**
 * Opening captures in the window, with a real lab behind it: a run the window saved opens again as it
 * was, from its event log (the applications' events, the kernel's states, the actions, the settings,
 * the labels, the story); a big file shows its progress and stops at Cancel, the view as it was; a file that is not a
 * capture says so in one sentence, the view as it was; one cut short shows what it held and where it
 * ended; the connection list sorts and filters; every live command is disabled with the reason while a
 * capture is shown, and works again back in the lab.
 */
@ResourceLock("javafx-toolkit")
class CaptureWindowTest {
    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = LabWindow.killScenario();
    @TempDir
    Path dir;

    @Test
    void theLabsCaptureExportsAsPcapngEachSegmentWithItsLabelAndWaitsWhileAFileIsShown() throws Exception {
        window.awaitSeedGreeting();
        var file = dir.resolve("lab.pcapng");
        var written = onFx(() -> window.app().view().exportPcapng(file)).get(20, TimeUnit.SECONDS);
        assertEquals(file, written);
        assertEquals(List.of("lab.pcapng"), Arrays.stream(dir.toFile().list()).toList(), "nothing half-written beside it");
        var comments = Tshark.fields(file, dir, List.of(), List.of("frame.comment"));
        assertTrue(comments.size() >= 5, "the handshake and the greeting: " + comments);
        assertEquals(List.of("SYN", "SYN-ACK"), comments.subList(0, 2), "tshark reads our label as each packet's comment");

        var export = onFx(() -> fileMenuItem("export-pcapng"));
        assertFalse(onFx(export::isDisable));
        onFx(() -> window.app().view().openCapture(file)).get(20, TimeUnit.SECONDS);
        assertTrue(onFx(export::isDisable), "a file shown has no lab capture to export");
    }

    private MenuItem fileMenuItem(String id) {
        var menu = (MenuButton) window.app().stage().getScene().lookup("#file-menu");
        return menu.getItems().stream().filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }

    @Test
    void aSavedRunOpensAgainAsItWasAndTheLiveCommandsSayWhyTheyWait() throws Exception {
        var lab = window.app().session().lab();
        int labelled = lab.connect(KillScenario.SETTINGS, "second").get(5, TimeUnit.SECONDS);
        KillScenario.await(Duration.ofSeconds(10), "the second connection on the lab's capture",
                () -> lab.packets().orElseThrow().packets() >= 6);
        lab.kill(labelled).get(5, TimeUnit.SECONDS); // the seed's stays, for Send to act on back in the lab
        KillScenario.await(Duration.ofSeconds(10), "the killed client's orphan's state", () -> lab.timeline().snapshot()
                .stream().anyMatch(e -> e instanceof StateEvent s && s.conn() == labelled && s.orphan()));
        var run = dir.resolve("saved-run");
        var saved = onFx(() -> window.app().view().saveRun(run)).get(20, TimeUnit.SECONDS);
        assertEquals(run.toAbsolutePath(), saved);
        assertTrue(Files.size(run.resolve(RunFolder.CAPTURE)) > 24, "the capture holds packets");
        assertTrue(Files.readAllLines(run.resolve(RunFolder.EVENTS)).getFirst().contains("\"label\":\"second\""),
                "the event log, as headless writes it");
        assertEquals(List.of(RunFolder.CAPTURE, RunFolder.EVENTS), Arrays.stream(run.toFile().list()).sorted().toList(),
                "nothing half-written beside them");

        var opened = onFx(() -> window.app().view().openCapture(run)).get(20, TimeUnit.SECONDS);
        assertEquals(2, opened.summaries().size(), "the seed's connection and the labelled one");
        var origin = assertInstanceOf(OpenedCapture.Saved.class, opened.origin(), "read from its event log");
        assertEquals(Optional.empty(), origin.log().problem());
        var events = opened.timeline().snapshot();
        assertAll("the run as it was, not a re-import of its capture",
                () -> assertTrue(events.stream().anyMatch(e -> e instanceof AppEvent a && a.conn() == labelled
                        && a.event() == AppEventType.CONNECTED), "the applications' events"),
                () -> assertTrue(events.stream().anyMatch(e -> e instanceof StateEvent s && s.conn() == labelled
                        && s.orphan() && !s.inferred()), "the kernel's states, as sampled"),
                () -> assertTrue(events.stream().anyMatch(e -> e instanceof ActionEvent a
                        && a.conn() == labelled && a.action().equals(new Action.Kill())), "the kill"),
                () -> assertEquals(lab.connections().get(0).settings(), opened.facts(1).settings().orElseThrow(),
                        "the settings it was opened with"),
                () -> assertEquals(KillScenario.SETTINGS, opened.facts(labelled).settings().orElseThrow()),
                () -> assertTrue(opened.laneTitle(labelled).startsWith("#" + labelled + " second  ")
                        && opened.laneTitle(labelled).contains("read-once"), "its lane says its settings: "
                        + opened.laneTitle(labelled)));
        onFx(() -> {
            window.app().view().captureScreen().selectedConnProperty().set(labelled);
            return null;
        });
        KillScenario.await(Duration.ofSeconds(10), "the saved run's story of the killed connection", () -> onFx(() -> {
            var explanation = window.app().view().captureScreen().explanationProperty().get();
            return explanation != null && explanation.story().conn() == labelled;
        }));
        var story = onFx(() -> window.app().view().captureScreen().explanationProperty().get().story().text());
        assertTrue(story.contains("client's process was killed"), story);
        assertTrue(onFx(() -> robot.lookup("#capture-status").queryAs(Label.class).getText()).contains("a saved run"));
        List<CaptureSummary> rows = onFx(() -> robot.lookup("#capture-table").queryAs(TableView.class).getItems()
                .stream().map(CaptureSummary.class::cast).toList());
        assertEquals("second", rows.get(labelled - 1).label(), "its label, from the saved event log");
        assertTrue(rows.getFirst().server().endsWith(":" + lab.serverAddress().getPort()), rows.getFirst().server());
        assertEquals(lab.serverAddress().getAddress().getHostAddress() + ":" + lab.connections().get(labelled - 1)
                .clientPort(), rows.get(labelled - 1).client(), "the client's end, its port from the saved event log");
        assertTrue(rows.getFirst().segments() >= 3, "the handshake at least: " + rows.getFirst());

        var send = robot.lookup("#send").queryAs(Button.class);
        var kill = robot.lookup("#kill").queryAs(SplitMenuButton.class);
        var connect = robot.lookup("#connect").queryAs(Button.class);
        assertTrue(onFx(send::isDisabled) && onFx(kill::isDisabled) && onFx(connect::isDisabled),
                "no command has a socket to act on");
        for (var holder : List.of("#send-holder", "#kill-holder", "#sever-holder", "#connect-holder")) {
            var tip = onFx(() -> robot.lookup(holder).queryAs(StackPane.class).getProperties().values().stream()
                    .filter(Tooltip.class::isInstance).map(t -> ((Tooltip) t).getText())
                    .findFirst().orElse(""));
            assertEquals(Command.NO_LIVE_SOCKET, tip, holder + "'s reason");
        }
        var settings = onFx(() -> robot.lookup("#side-pane").queryAs(TabPane.class).getTabs().getFirst());
        assertTrue(onFx(settings::isDisable), "the settings wait too");
        assertEquals(Command.NO_LIVE_SOCKET, onFx(() -> settings.getTooltip().getText()));

        onFx(() -> {
            window.app().view().showLab();
            return null;
        });
        assertNull(onFx(() -> window.app().view().captureScreen()));
        KillScenario.await(Duration.ofSeconds(5), "Send to act on the live connection again", () -> !onFx(send::isDisabled));
    }

    @Test
    void aSavedRunWhoseLogBreaksOffShowsWhatCameBeforeAndSaysWhere() throws Exception {
        var run = Files.createDirectories(dir.resolve("crashed-run"));
        var lines = new ArrayList<>(Files.readAllLines(Path.of("docs", "event-log-example.jsonl")));
        lines.set(9, lines.get(9).substring(0, 25)); // line 10, cut as a crash cuts a write
        var log = Files.write(run.resolve(RunFolder.EVENTS), lines);
        var opened = onFx(() -> window.app().view().openCapture(run)).get(10, TimeUnit.SECONDS);
        assertEquals(8, opened.timeline().size(), "the events of lines 2 to 9");
        var message = onFx(() -> robot.lookup("#message").queryAs(Label.class).getText());
        assertTrue(message.startsWith(log + ", line 10: the record does not end on its line ("), message);
        assertTrue(message.contains(" This shows the 8 events before it."), message);
        assertEquals(1, opened.summaries().size());
    }

    @Test
    void aBigFileShowsItsProgressAndCancelStopsItPromptlyLeavingTheView() throws Exception {
        var big = dir.resolve("big.pcap");
        new KeepaliveCaptureWriter().write(big, 2_000, 6_000_000);
        var reading = onFx(() -> window.app().view().openCapture(big));
        var bar = robot.lookup("#import-progress-bar").queryAs(ProgressBar.class);
        KillScenario.await(Duration.ofSeconds(20), "the bar to show part of the file read",
                () -> onFx(() -> bar.getProgress() > 0 && bar.getProgress() < 1));
        var text = onFx(() -> robot.lookup("#import-progress-text").queryAs(Label.class).getText());
        assertTrue(text.startsWith("Reading big.pcap: ") && text.endsWith(" packets"), text);

        long cancelled = System.nanoTime();
        robot.clickOn("#import-cancel");
        assertThrows(CancellationException.class, () -> reading.get(10, TimeUnit.SECONDS));
        long tookMs = (System.nanoTime() - cancelled) / 1_000_000;
        assertTrue(tookMs < 2_000, "the reader stops at its next read: " + tookMs + " ms");
        assertNull(onFx(() -> window.app().view().captureScreen()), "the partial read is discarded");
        assertTrue(onFx(() -> !robot.lookup("#import-progress").query().isVisible()), "the strip goes");
        assertTrue(onFx(() -> robot.lookup("#message").queryAs(Label.class).getText().isEmpty()), "cancel is no error");
    }

    @Test
    void aFileThatIsNoCaptureIsOneSentenceAndTheViewStays() throws Exception {
        var bad = dir.resolve("notes.pcap");
        Files.writeString(bad, "these are notes, not packets\n");
        var failure = assertThrows(ExecutionException.class,
                () -> onFx(() -> window.app().view().openCapture(bad)).get(10, TimeUnit.SECONDS));
        assertInstanceOf(CaptureLoad.Failure.class, failure.getCause());
        var message = onFx(() -> robot.lookup("#message").queryAs(Label.class).getText());
        assertTrue(message.startsWith(bad + ": packet 1 at byte 0: "), message);
        assertTrue(message.contains("magic"), message);
        assertNull(onFx(() -> window.app().view().captureScreen()), "the lab's view stays");
        assertNotNull(robot.lookup("#timeline").tryQuery().orElse(null), "its timeline with it");
    }

    @Test
    void aFileCutShortShowsWhatItHeldAndSaysWhereItEnded() throws Exception {
        var whole = dir.resolve("whole.pcap");
        new KeepaliveCaptureWriter().write(whole, 3, 3 * 9);
        byte[] bytes = Files.readAllBytes(whole);
        var cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 20)); // inside the last record
        var opened = onFx(() -> window.app().view().openCapture(cut)).get(10, TimeUnit.SECONDS);
        assertTrue(assertInstanceOf(OpenedCapture.Imported.class, opened.origin()).result().truncatedAt().isPresent());
        var message = onFx(() -> robot.lookup("#message").queryAs(Label.class).getText());
        assertTrue(message.startsWith("cut.pcap ends inside packet 27 (which starts at byte "), message);
        assertEquals(3, opened.summaries().size(), "what was read is shown");
    }

    @Test
    void aCaptureIsSortedIntoLanesOnTheImportsThreadBeforeTheWindowHasIt() throws Exception {
        var file = dir.resolve("lanes.pcap");
        new KeepaliveCaptureWriter().write(file, 3, 3 * 9);
        var opened = CaptureLoad.start(file).done().get(10, TimeUnit.SECONDS); // not through the window
        long segments = opened.timeline().snapshot().stream().filter(SegmentEvent.class::isInstance).count();
        assertAll("the view model's first pull made already: the FX thread's first frame only draws",
                () -> assertEquals(3, opened.model().lanes().size()),
                () -> assertEquals(segments, opened.model().segmentCount()),
                () -> assertTrue(!opened.model().pull(), "nothing left to take in"));
    }

    @Test
    void theConnectionListSortsAndFilters() throws Exception {
        var file = dir.resolve("many.pcap");
        new KeepaliveCaptureWriter().write(file, 40, 40 * 11);
        onFx(() -> window.app().view().openCapture(file)).get(10, TimeUnit.SECONDS);
        var table = robot.lookup("#capture-table").queryAs(TableView.class);
        assertEquals(40, onFx(() -> table.getItems().size()));
        onFx(() -> {
            @SuppressWarnings("unchecked")
            var number = (TableColumn<CaptureSummary, ?>) table.getColumns().getFirst();
            number.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(number);
            return null;
        });
        assertEquals(40, onFx(() -> ((CaptureSummary) table.getItems().getFirst()).conn()), "sorted by number, down");

        robot.clickOn("#capture-filter").write(":32770");
        assertEquals(List.of(3), onFx(() -> table.getItems().stream().map(r -> ((CaptureSummary) r).conn()).toList()),
                "the one connection with that port");
        onFx(() -> {
            robot.lookup("#capture-filter").queryAs(TextField.class).setText("");
            return null;
        });
        robot.clickOn("#with-rst");
        assertEquals(0, onFx(() -> table.getItems().size()), "none ended with a RST");
        robot.clickOn("#with-rst");
        robot.clickOn("#with-keepalives");
        assertEquals(40, onFx(() -> table.getItems().size()), "every one probes");
        assertTrue(onFx(() -> robot.lookup("#with-keepalives").queryAs(ToggleButton.class).isSelected()));

        onFx(() -> {
            table.getSelectionModel().clearAndSelect(5);
            return null;
        });
        int chosen = onFx(() -> ((CaptureSummary) table.getSelectionModel().getSelectedItem()).conn());
        assertEquals(chosen, onFx(() -> window.app().view().captureScreen().timeline().selectedConnProperty().get()),
                "the timeline shows the connection selected");
    }
}
