package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.bench.KeepaliveCaptureWriter;
import org.keepalivelab.ui.status.StatusLine;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.PaletteRole;
import org.keepalivelab.ui.timeline.TimelinePalette;

/**
 * The window's places as {@link ScreenSwitch} swaps them, with a real lab behind: an opened capture's
 * parts take every place (timeline, details, story, status line) and its tab is the one shown; a second
 * capture replaces the first, in the same one tab; Compact lanes and the theme act on the timeline shown;
 * back in the lab, its own parts and tabs are where they were, and the capture's are gone.
 */
@ResourceLock("javafx-toolkit")
class ScreenSwitchTest {
    @RegisterExtension
    final LabWindow window = LabWindow.killScenario();
    @TempDir
    Path dir;

    @Test
    void aCaptureTakesEveryPlaceAndTheLabGetsThemBack() throws Exception {
        var first = dir.resolve("first.pcap");
        new KeepaliveCaptureWriter().write(first, 2, 2 * 9);
        var second = dir.resolve("second.pcap");
        new KeepaliveCaptureWriter().write(second, 3, 3 * 9);
        var view = onFx(() -> window.app().view());
        var labTimeline = onFx(view::timeline);
        var labStory = onFx(() -> storySlot().getChildren().getFirst());
        var labDetails = onFx(() -> detailsRow().getChildren().getFirst());

        onFx(() -> view.openCapture(first)).get(10, TimeUnit.SECONDS);
        var replaced = onFx(view::captureScreen);
        onFx(() -> view.openCapture(second)).get(10, TimeUnit.SECONDS);
        var shown = onFx(view::captureScreen);
        assertNotEquals(replaced, shown, "the second capture replaces the first");
        var parts = onFx(shown::parts);
        assertAll("the capture's parts in every place, its tab shown",
                () -> assertSame(parts.timeline(), onFx(() -> timelineArea().getCenter())),
                () -> assertSame(parts.details(), onFx(() -> detailsRow().getChildren().getFirst())),
                () -> assertEquals(List.of(parts.story()), onFx(() -> List.copyOf(storySlot().getChildren()))),
                () -> assertSame(parts.status(), onFx(view::getBottom)),
                () -> assertEquals(List.of("Settings", "Connections", "Capture: second.pcap"), onFx(() -> tabTexts())),
                () -> assertEquals("capture-tab", onFx(() -> side().getSelectionModel().getSelectedItem().getId())),
                () -> assertFalse(onFx(() -> backToLab().isDisable()), "Back to the lab is offered"));

        onFx(() -> {
            compactLanes().fire();
            view.setTheme(Theme.DARK);
            return null;
        });
        var dark = onFx(() -> TimelinePalette.of(Theme.DARK).get(PaletteRole.TEXT));
        assertAll("Compact lanes and the theme act on the capture's timeline",
                () -> assertTrue(onFx(() -> parts.timeline().compactLanesProperty().get())),
                () -> assertFalse(onFx(() -> labTimeline.compactLanesProperty().get()), "not the lab's"),
                () -> assertEquals(dark, onFx(() -> parts.timeline().palette().get(PaletteRole.TEXT))),
                () -> assertEquals(dark, onFx(() -> labTimeline.palette().get(PaletteRole.TEXT)), "the lab's too"));

        onFx(() -> {
            WindowQueries.menuItem(fileMenu(), "back-to-lab").fire();
            return null;
        });
        assertNull(onFx(view::captureScreen));
        assertAll("the lab's parts and tabs where they were",
                () -> assertSame(labTimeline, onFx(() -> timelineArea().getCenter())),
                () -> assertSame(labDetails, onFx(() -> detailsRow().getChildren().getFirst())),
                () -> assertEquals(List.of(labStory), onFx(() -> List.copyOf(storySlot().getChildren()))),
                () -> assertInstanceOf(StatusLine.class, onFx(view::getBottom)),
                () -> assertEquals(List.of("Settings", "Connections"), onFx(() -> tabTexts())),
                () -> assertEquals("settings-tab", onFx(() -> side().getSelectionModel().getSelectedItem().getId())),
                () -> assertTrue(onFx(() -> side().getTabs().stream().noneMatch(Tab::isDisable)), "enabled again"),
                () -> assertTrue(onFx(() -> side().getTabs().stream().allMatch(t -> t.getTooltip() == null))),
                () -> assertTrue(onFx(() -> backToLab().isDisable()), "nothing to go back from"),
                () -> assertFalse(onFx(() -> compactLanes().isSelected()), "the toggle shows the lab's lanes"));
        onFx(() -> {
            compactLanes().fire();
            return null;
        });
        assertTrue(onFx(() -> labTimeline.compactLanesProperty().get()), "and acts on them");
    }

    private Node lookup(String selector) {
        return window.app().stage().getScene().lookup(selector);
    }

    private TabPane side() {
        return (TabPane) lookup("#side-pane");
    }

    private List<String> tabTexts() {
        return side().getTabs().stream().map(Tab::getText).toList();
    }

    private BorderPane timelineArea() {
        return (BorderPane) lookup(".timeline-area");
    }

    private HBox detailsRow() {
        return (HBox) storySlot().getParent();
    }

    private StackPane storySlot() {
        return (StackPane) lookup("#story-slot");
    }

    private ToggleButton compactLanes() {
        return (ToggleButton) lookup("#compact-lanes");
    }

    private MenuButton fileMenu() {
        return (MenuButton) lookup("#file-menu");
    }

    private MenuItem backToLab() {
        return WindowQueries.menuItem(fileMenu(), "back-to-lab");
    }
}
