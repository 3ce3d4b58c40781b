package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.bench.KeepaliveCaptureWriter;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.StateEvent;
import org.keepalivelab.ui.capture.CaptureDetections;
import org.keepalivelab.ui.capture.CaptureList;
import org.keepalivelab.ui.capture.CaptureSummary;
import org.keepalivelab.ui.capture.OpenedCapture;
import org.keepalivelab.ui.capture.RunFolder;
import org.testfx.api.FxRobot;

/**
 * The connection list's Detection column fills by itself once a capture is shown, in the background,
 * with the words the story's explanation of each connection gives; it sorts by them; a row waiting
 * for its turn says so; a connection too big to explain says why; closing the capture, or opening
 * another, stops the background's thread. Real lab runs and real files: nothing of the capture is mocked.
 */
@ResourceLock("javafx-toolkit")
class CaptureDetectionsWindowTest {
    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = LabWindow.killScenario();
    @TempDir
    Path dir;

    @Test
    void everyRowGetsItsStorysDetectionWordsAndTheListSortsByThem() throws Exception {
        var lab = window.app().session().lab();
        window.awaitSeedGreeting(); // the seed stays open: no fault
        int killed = lab.connect(KillScenario.SETTINGS, "killed").get(5, TimeUnit.SECONDS);
        int aborted = lab.connect(KillScenario.SETTINGS, "aborted").get(5, TimeUnit.SECONDS);
        KillScenario.await(Duration.ofSeconds(10), "both connections on the lab's capture",
                () -> lab.packets().orElseThrow().packets() >= 12);
        lab.kill(killed).get(5, TimeUnit.SECONDS);
        lab.abort(aborted).get(5, TimeUnit.SECONDS);
        KillScenario.await(Duration.ofSeconds(10), "the killed client's orphan and the abort's RST", () -> {
            var events = lab.timeline().snapshot();
            return events.stream().anyMatch(e -> e instanceof StateEvent s && s.conn() == killed && s.orphan())
                    && events.stream().anyMatch(e -> e instanceof SegmentEvent s && s.conn() == aborted
                    && s.kind() == SegmentKind.RST);
        });
        var run = dir.resolve("run");
        onFx(() -> window.app().view().saveRun(run)).get(20, TimeUnit.SECONDS);

        var saved = onFx(() -> window.app().view().openCapture(run)).get(20, TimeUnit.SECONDS);
        var words = awaitEveryRowExplained(saved);
        assertTrue(words.stream().distinct().count() >= 2, "the faults tell apart from the seed's none: " + words);
        assertEquals("", words.getFirst(), "the seed, open at the end, has no fault");
        assertEquals("Detection", onFx(() -> detectionColumn().getText()), "the header counts no more");
        assertEquals(1, onFx(() -> table().getSelectionModel().getSelectedItem().conn()), "the first, selected at open");
        assertEquals("none", cellText(1), "a row whose story finds no fault says so");
        assertSortsByDetection();

        var capture = Files.copy(run.resolve(RunFolder.CAPTURE), dir.resolve("lab.pcap"));
        var imported = onFx(() -> window.app().view().openCapture(capture)).get(20, TimeUnit.SECONDS);
        assertEquals(3, imported.summaries().size());
        awaitEveryRowExplained(imported); // the capture alone: the same rules, from its segments
    }

    @Test
    void rowsNotYetExplainedSayItAndClosingOrReplacingTheCaptureStopsItsThread() throws Exception {
        var big = dir.resolve("many.pcap");
        new KeepaliveCaptureWriter().write(big, 4_000, 4_000 * 25L);
        onFx(() -> window.app().view().openCapture(big)).get(30, TimeUnit.SECONDS);
        var first = onFx(() -> window.app().view().captureScreen());
        var header = onFx(() -> detectionColumn().getText());
        assertTrue(header.matches("Detection \\(explaining [0-9,]+ of 4,000\\)"), header);
        int pending = onFx(() -> first.list().pending());
        assertTrue(pending > 0, "4,000 connections take longer than opening them");
        var shown = onFx(() -> table().getItems().stream().map(r -> ((CaptureSummary) r).detection()).toList());
        assertTrue(shown.contains(null), "a row waits for its explanation");
        assertEquals(CaptureList.PENDING, cellText(4_000), "the last one, explained last, says so, not a blank");

        onFx(() -> window.app().view().openCapture(big)).get(30, TimeUnit.SECONDS); // another replaces it
        assertTrue(first.detections().awaitEnd(Duration.ofSeconds(2)), "the replaced capture's thread ends");
        int left = onFx(() -> first.list().pending());
        var second = onFx(() -> window.app().view().captureScreen());
        assertNotEquals(first, second);
        assertFalse(second.detections().awaitEnd(Duration.ZERO), "the new one's is at work");

        onFx(() -> {
            window.app().view().showLab();
            return null;
        });
        assertTrue(second.detections().awaitEnd(Duration.ofSeconds(2)), "closing the capture ends its thread");
        assertTrue(onFx(() -> second.list().pending()) > 0, "it stopped before the end");
        Thread.sleep(300); // a batch already posted is dropped, not shown
        assertEquals(left, onFx(() -> first.list().pending()), "nothing filled after the close");
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(CaptureDetections.THREAD)), "no such thread left");
    }

    @Test
    void theSelectedRowStaysSelectedAsRowsMoveWhileSortedByDetection() throws Exception {
        var file = dir.resolve("sorted.pcap");
        new KeepaliveCaptureWriter().write(file, 1_500, 1_500 * 25L);
        onFx(() -> window.app().view().openCapture(file)).get(30, TimeUnit.SECONDS);
        var screen = onFx(() -> window.app().view().captureScreen());
        onFx(() -> {
            var column = detectionColumn();
            column.setSortType(TableColumn.SortType.ASCENDING); // rows not yet explained last: each moves up as filled
            table().getSortOrder().setAll(column);
            screen.selectedConnProperty().set(1_400);
            return null;
        });
        assertTrue(screen.detections().awaitEnd(Duration.ofSeconds(30)), "every row explained");
        KillScenario.await(Duration.ofSeconds(5), "the last batch shown", () -> onFx(() -> screen.list().pending() == 0));
        assertEquals(1_400, onFx(() -> table().getSelectionModel().getSelectedItem().conn()), "still the one selected");
        assertEquals(1_400, onFx(() -> screen.selectedConnProperty().get()));
    }

    @Test
    void aConnectionTooBigToExplainSaysWhyInItsRow() throws Exception {
        var huge = dir.resolve("huge.pcap");
        new KeepaliveCaptureWriter().write(huge, 1, 1_000_005);
        var opened = onFx(() -> window.app().view().openCapture(huge)).get(60, TimeUnit.SECONDS);
        KillScenario.await(Duration.ofSeconds(20), "the row's reason", () -> onFx(() -> table().getItems().stream()
                .allMatch(r -> ((CaptureSummary) r).detection() != null)));
        assertEquals("not explained: more than 1,000,000 events", cellText(1));
        assertEquals(1, opened.summaries().size());
    }

    /**
     * Waits until every row of {@code opened}'s list has its Detection, and checks each against the
     * story's own explanation of that connection: the rules the window explains by, on the facts the
     * story reads. Returns the words in connection order.
     */
    private List<String> awaitEveryRowExplained(OpenedCapture opened) throws Exception {
        KillScenario.await(Duration.ofSeconds(20), "every row's detection", () -> onFx(() ->
                window.app().view().captureScreen().capture() == opened && table().getItems().stream()
                        .allMatch(r -> ((CaptureSummary) r).detection() != null)));
        var rules = window.app().session().rules();
        var rows = onFx(() -> table().getItems().stream().map(CaptureSummary.class::cast)
                .sorted(Comparator.comparingInt(CaptureSummary::conn)).toList());
        var words = new ArrayList<String>();
        for (var row : rows) {
            String story = CaptureDetections.words(rules.apply(opened.facts(row.conn())));
            assertEquals(story, row.detection(), "connection " + row.conn() + "'s row and its story");
            words.add(row.detection());
        }
        return words;
    }

    private void assertSortsByDetection() {
        for (var order : List.of(TableColumn.SortType.ASCENDING, TableColumn.SortType.DESCENDING)) {
            var sorted = onFx(() -> {
                var column = detectionColumn();
                column.setSortType(order);
                table().getSortOrder().setAll(column);
                return table().getItems().stream().map(r -> Objects.requireNonNull(((CaptureSummary) r).detection()))
                        .toList();
            });
            Comparator<String> natural = Comparator.naturalOrder();
            var expected = sorted.stream().sorted(order == TableColumn.SortType.ASCENDING ? natural : natural.reversed())
                    .toList();
            assertEquals(expected, sorted, "sorted by detection, " + order);
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<CaptureSummary> table() {
        return robot.lookup("#capture-table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableColumn<CaptureSummary, String> detectionColumn() {
        return (TableColumn<CaptureSummary, String>) table().getColumns().getLast();
    }

    /**
     * What connection {@code conn}'s Detection cell shows on the screen, its row scrolled into view, once
     * the cell shows the row as it is now (a row just filled is drawn at the next pulse).
     */
    private String cellText(int conn) throws InterruptedException {
        onFx(() -> {
            var items = table().getItems();
            items.stream().filter(r -> r.conn() == conn).findFirst().ifPresent(table()::scrollTo);
            return null;
        });
        var text = new ArrayList<String>();
        KillScenario.await(Duration.ofSeconds(5), "connection " + conn + "'s row on the screen", () -> onFx(() -> {
            text.clear();
            var now = table().getItems().stream().filter(r -> r.conn() == conn).findFirst().orElseThrow();
            robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .filter(c -> c.getTableColumn() == detectionColumn() && c.isVisible() && c.getTableRow() != null
                            && c.getTableRow().getItem() instanceof CaptureSummary row && row.conn() == conn
                            && Objects.equals(c.getItem(), now.detection()))
                    .map(Labeled::getText).filter(Objects::nonNull).forEach(text::add);
            return !text.isEmpty();
        }));
        return text.getFirst();
    }
}
