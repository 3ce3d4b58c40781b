package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.ui.export.ExportFlow;
import org.keepalivelab.ui.export.ExportFlows;
import org.keepalivelab.ui.export.ExportRequest;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.LaneGeometry;
import org.keepalivelab.ui.timeline.TimelineView;
import org.keepalivelab.ui.timeline.VisibleWindow;
import org.testfx.api.FxRobot;

/**
 * The window's PNG export from its dialog to the file, with 30 connections and a real lab: the save
 * step is the test's own (no native chooser), everything else is the window's.
 */
// The JavaFX toolkit is one per JVM: window tests take turns, lab tests run beside them.
@ResourceLock("javafx-toolkit")
class ExportFlowTest {
    private static final int CONNECTIONS = 30;
    /** Tall enough for every lane the window shows: the picture draws as many as fit. */
    private static final int HEIGHT = 2160;
    /** Inside the lanes' gutter of a picture 1920 px wide (92 of its 1400 design units). */
    private static final int GUTTER_PX = 110;
    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = new LabWindow(() -> new LabApp(LabSettings.seed(), Isolation.HOST));
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final ArrayDeque<Optional<Path>> saveAnswers = new ArrayDeque<>();
    private final List<Path> chooserFolders = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;
    private Path pictures;
    private TimelineView view;
    private ScrollBar lanes;
    private ExportFlow flow;

    @BeforeEach
    void thirtyConnections() throws Exception {
        window.awaitSeedGreeting();
        var lab = window.app().session().lab();
        for (int i = 1; i < CONNECTIONS; i++) {
            lab.connect().get(10, TimeUnit.SECONDS);
        }
        view = window.app().view().timeline();
        lanes = robot.lookup("#timeline .scroll-bar").queryAs(ScrollBar.class);
        KillScenario.await(Duration.ofSeconds(10), CONNECTIONS + " lanes, more than the timeline shows",
                () -> onFx(() -> view.model().lanes().size() == CONNECTIONS && lanes.isVisible()));
        // selected: a lane in neither range compared below, so only the lanes' own titles differ there
        onFx(() -> {
            window.app().session().selectedConnProperty().set(10);
            return null;
        });
        var home = Files.createDirectories(dir.resolve("home"));
        pictures = Files.createDirectories(home.resolve("Pictures"));
        flow = onFx(() -> ExportFlows.of(view, lab, io, home, folder -> {
            chooserFolders.add(folder);
            return saveAnswers.removeFirst();
        }));
        io.submit(() -> { }).get(10, TimeUnit.SECONDS); // the flow has looked up its folders
    }

    @AfterEach
    void stopWriter() {
        io.shutdownNow();
    }

    @Test
    void theVisibleRangeIsWhatTheTimelineShowedWhenTheDialogOpenedLanesAndTimes() throws Exception {
        onFx(() -> {
            view.press(KeyCode.A); // the lab so far, then its middle: a past range, which live time does not move
            view.press(KeyCode.PLUS);
            lanes.setValue(19 * LaneGeometry.LANE_HEIGHT); // connection 20's lane at the top
            return null;
        });
        VisibleWindow onScreen = onFx(view::visibleWindow);
        assertTrue(onScreen.end() < window.app().session().lab().clock().now(), "a past range: " + onScreen);
        assertEquals(20, onScreen.firstConn());
        double height = onFx(view::getHeight);
        int last = onScreen.lastConn();
        assertTrue(middleOfLane(last - 20) <= height && middleOfLane(last - 19) > height,
                "the last lane on screen is the last whose middle is: " + last + " in " + height + " px");
        String shownRange = ExportFlows.range(onScreen.start(), onScreen.end());
        Path visible = dir.resolve("visible.png");
        saveAnswers.add(Optional.of(visible));

        var export = openDialog();
        String offered = onFx(() -> robot.lookup("#export-visible").queryAs(RadioButton.class).getText());
        assertEquals("Visible range (" + shownRange + ", connections 20–" + last + ")", offered);
        onFx(() -> { // the live view moves on while the dialog is open
            lanes.setValue(0);
            view.press(KeyCode.L);
            return null;
        });
        Thread.sleep(1500);
        var moved = onFx(view::visibleWindow);
        assertEquals(1, moved.firstConn());
        assertNotEquals(shownRange, ExportFlows.range(moved.start(), moved.end()), "live time moved the view");
        robot.clickOn("#export-visible");
        confirm(HEIGHT);
        assertEquals(visible, export.get(10, TimeUnit.SECONDS).orElseThrow().get(30, TimeUnit.SECONDS));

        assertEquals("TCP timeline: visible range " + shownRange + ", connections 20–" + last + " of " + CONNECTIONS
                + ", light theme", PngExportTest.description(visible));
        assertEquals(List.of(pictures), chooserFolders, "the first chooser starts in the pictures folder");

        // Connections 1.. as the view shows them now, and 20.. again: the lane titles tell them apart.
        var request = new ExportRequest(false, 1920, HEIGHT, Theme.LIGHT);
        Path top = dir.resolve("top.png");
        onFx(() -> flow.export(request, top)).get(30, TimeUnit.SECONDS);
        assertTrue(PngExportTest.description(top).contains(", connections 1–" + (last - 19) + " of " + CONNECTIONS),
                PngExportTest.description(top));
        onFx(() -> {
            lanes.setValue(19 * LaneGeometry.LANE_HEIGHT);
            return null;
        });
        Path again = dir.resolve("again.png");
        onFx(() -> flow.export(request, again)).get(30, TimeUnit.SECONDS);
        var image = ImageIO.read(visible.toFile());
        assertTrue(sameLaneTitles(image, ImageIO.read(again.toFile())), "lanes 20.. are drawn alike each time");
        assertFalse(sameLaneTitles(image, ImageIO.read(top.toFile())), "and not as lanes 1..");

        // The next chooser starts where the last export went; cancelling it writes nothing.
        saveAnswers.add(Optional.empty());
        var cancelled = openDialog();
        confirm(HEIGHT);
        assertEquals(Optional.empty(), cancelled.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(pictures, dir), chooserFolders);
    }

    private static double middleOfLane(int k) {
        return LaneGeometry.AXIS_HEIGHT + k * LaneGeometry.LANE_HEIGHT + LaneGeometry.LANE_HEIGHT / 2;
    }

    /** Opens the export dialog as the Export button does; completes once the user has answered it and the chooser. */
    private CompletableFuture<Optional<CompletableFuture<Path>>> openDialog() throws InterruptedException {
        var answered = new CompletableFuture<Optional<CompletableFuture<Path>>>();
        Platform.runLater(() -> answered.complete(flow.askAndExport(Theme.LIGHT))); // returns once it closes
        KillScenario.await(Duration.ofSeconds(5), "the export dialog",
                () -> onFx(() -> robot.lookup("#export-visible").tryQuery().isPresent()));
        return answered;
    }

    private void confirm(int height) {
        robot.interact(() -> robot.lookup("#export-height .text-field").queryAs(TextField.class)
                .setText(String.valueOf(height)));
        robot.clickOn(onFx(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(ButtonType.OK)));
    }

    /**
     * True when the two pictures' left edge, the lanes' gutter with their titles, is drawn alike: every
     * pixel within a few levels of colour (an anti-aliased edge may come out a level apart).
     */
    private static boolean sameLaneTitles(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < GUTTER_PX; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    if (Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)) > 4) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
