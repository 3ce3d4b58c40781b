package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keepalivelab.lab.ServerPolicy;
import org.keepalivelab.lab.Sever;
import org.keepalivelab.ui.controls.KeepalivePreset;
import org.testfx.api.FxRobot;

/**
 * The window at the sizes people use, with a real lab: nothing of the toolbar lies outside the window (what
 * does not fit is in its overflow menu), no name that must be whole is cut, and the status line, however
 * long it grows, never widens the window nor moves what is beside it.
 */
@ResourceLock("javafx-toolkit")
class WindowLayoutTest {
    private static final double HEADLESS_SCREEN_HEIGHT = 1000;

    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = LabWindow.killScenario();

    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"1024, 640", "1366, 768", "1920, 1080"})
    void theToolbarFitsOrOverflowsAndNoNameIsCut(double width, double height) throws Exception {
        var found = laidOutAt(width, height, scene -> {
            var root = scene.getRoot();
            var toolbar = (ToolBar) root.lookup("#toolbar");
            var overflowed = new ArrayList<String>();
            for (var item : toolbar.getItems()) {
                if (!item.isVisible()) {
                    continue; // the title, given way
                }
                if (shown(item)) {
                    assertInside(item, scene);
                } else {
                    overflowed.add(String.valueOf(item.getId())); // the skin keeps what overflows in a hidden box
                }
            }
            var overflowButton = root.lookup(".tool-bar-overflow-button");
            assertEquals(!overflowed.isEmpty(), overflowButton.isVisible(), "the overflow button, for " + overflowed);
            if (overflowButton.isVisible()) {
                assertInside(overflowButton, scene);
            }

            for (var menu : List.of("#file-menu", "#scenario-menu")) {
                assertInside(root.lookup(menu), scene); // beside the view controls, whole at every size
            }
            var cut = cutLabels(toolbar);
            cut.putAll(cutLabels((Parent) root.lookup(".view-controls")));
            cut.putAll(cutLabels((Parent) root.lookup("#settings-panel")));
            cut.putAll(cutLabels((Parent) root.lookup("#side-pane .tab-header-area")));
            ((TabPane) root.lookup("#side-pane")).getSelectionModel().select(1);
            root.applyCss();
            root.layout();
            cut.putAll(cutLabels((Parent) root.lookup("#connection-table"))); // its header, and the seed's row
            return new Layout(overflowed, root.lookup(".app-title").isVisible(), cut);
        });
        assertEquals(Map.of(), found.cut(), "labels whose text is not drawn whole (label=drawn)");
        if (width >= 1366) {
            assertEquals(List.of(), found.overflowed(), "everything fits");
            assertTrue(found.titleShown(), "the title too");
        } else {
            assertFalse(found.titleShown(), "the title gives way first");
            assertEquals(List.of("theme-toggle"), found.overflowed(),
                    "then the theme (Close, Kill and Abort, split buttons, leave room for the export); every command still shows");
        }
    }

    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"1024, 640", "1920, 1080"})
    void refusedValuesCutNoSettingsName(double width, double height) throws Exception {
        robot.interact(() -> {
            robot.lookup("#server-idle .text-field").queryAs(TextField.class).setText("0");
            robot.lookup("#server-user-timeout .text-field").queryAs(TextField.class).setText("-1");
            robot.lookup("#client-preset").queryAs(ComboBox.class).getSelectionModel().select(KeepalivePreset.FAST_DEMO);
            robot.lookup("#client-count .text-field").queryAs(TextField.class).setText("200");
            robot.lookup("#orphan-lifetime .text-field").queryAs(TextField.class).setText("121");
        });
        var found = laidOutAt(width, height, scene -> {
            var settings = (Parent) scene.getRoot().lookup("#settings-panel");
            var shownErrors = settings.lookupAll(".field-error").stream().filter(WindowLayoutTest::shown).count();
            return Map.entry(shownErrors, cutLabels(settings));
        });
        assertEquals(4, found.getKey(), "four refusals shown");
        assertEquals(Map.of(), found.getValue(), "labels whose text is not drawn whole (label=drawn)");
    }

    @Test
    void everyPresetAndPolicyShowsItsNameWholeInItsBox() throws Exception {
        window.resize(1024, 640);
        @SuppressWarnings("unchecked")
        ComboBox<KeepalivePreset> preset = robot.lookup("#server-preset").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<ServerPolicy> policy = robot.lookup("#server-policy").queryAs(ComboBox.class);
        for (var choice : KeepalivePreset.values()) {
            assertEquals(choice.shortName(), shownIn(preset, choice));
            assertEquals(choice.toString(), onFx(() -> preset.getTooltip().getText()), "the full name in the tooltip");
        }
        for (var choice : ServerPolicy.values()) {
            assertEquals(choice.label(), shownIn(policy, choice));
            assertEquals(choice.description(), onFx(() -> robot.lookup("#server-policy-hint").queryAs(Label.class).getText()));
        }
    }

    /** Chooses {@code choice} in {@code combo} and returns the text its box draws. */
    private <T> String shownIn(ComboBox<T> combo, T choice) {
        return onFx(() -> {
            combo.setValue(choice);
            combo.getScene().getRoot().applyCss();
            combo.getScene().getRoot().layout();
            var cell = combo.getChildrenUnmodifiable().stream().filter(ListCell.class::isInstance).map(ListCell.class::cast)
                    .findFirst().orElseThrow(); // the box's own cell; its list's are in the list view beside it
            assertEquals(cell.getText(), drawn(cell), "drawn whole");
            return cell.getText();
        });
    }

    private record Layout(List<String> overflowed, boolean titleShown, Map<String, String> cut) {
    }

    /**
     * Runs {@code check} on the FX thread with the window's content laid out at {@code width} × {@code height}:
     * in the window, where the Headless platform can show it; taller than its screen (1000 × 1000, the frame
     * buffer a window is drawn into), in a scene of its own that no window shows, for as long as the check runs.
     */
    private <T> T laidOutAt(double width, double height, Function<Scene, T> check) throws InterruptedException {
        if (height <= HEADLESS_SCREEN_HEIGHT) {
            window.resize(width, height);
            return onFx(() -> {
                var scene = window.app().stage().getScene();
                assertEquals(width, scene.getWidth(), "the Headless platform's window has no decorations");
                return check.apply(scene);
            });
        }
        return onFx(() -> {
            var windowScene = window.app().stage().getScene();
            var root = windowScene.getRoot();
            windowScene.setRoot(new Group());
            var scene = new Scene(root, width, height);
            scene.getStylesheets().setAll(windowScene.getStylesheets());
            try {
                root.resize(width, height);
                root.applyCss();
                root.layout();
                return check.apply(scene);
            } finally {
                scene.setRoot(new Group());
                windowScene.setRoot(root);
            }
        });
    }

    @Test
    void theStatusLineGrowsWithoutWideningTheWindowOrMovingWhatIsBesideIt() throws Exception {
        window.resize(1024, 640);
        var next = robot.lookup("#status-next-step").queryAs(Label.class);
        Supplier<List<Double>> places = () -> onFx(() -> {
            var scene = window.app().stage().getScene();
            var xs = new ArrayList<>(List.of(scene.getWidth(), scene.getRoot().getLayoutBounds().getWidth()));
            robot.lookup("#toolbar").queryAs(ToolBar.class).getItems().forEach(item -> xs.add(sceneX(item)));
            for (var id : List.of("#status-elapsed", "#status-capture", "#status-segments", "#status-next-step")) {
                xs.add(sceneX(robot.lookup(id).query()));
            }
            xs.add(next.getWidth());
            return xs;
        });
        var before = places.get();

        // What the issue showed: a severed connection's probes go unanswered and the next step grows.
        onFx(() -> window.app().session().sever(Sever.BOTH)).get(5, TimeUnit.SECONDS);
        KillScenario.await(Duration.ofSeconds(10), "the status to count unanswered probes",
                () -> onFx(next::getText).contains("probes unanswered"));
        assertTrue(onFx(() -> drawn(next).endsWith(next.getEllipsisString())), "the grown next step elides: " + onFx(() -> drawn(next)));
        assertEquals(before, places.get(), "the window's width, the toolbar's and the status line's places");
        assertEquals(onFx(next::getText), onFx(() -> next.getTooltip().getText()), "the tooltip holds it whole");

        var far = onFx(() -> {
            next.setText("#1  " + "server: 1 of 3 probes unanswered, next probe in 0.3 s  ·  ".repeat(60));
            var root = window.app().stage().getScene().getRoot();
            root.applyCss();
            root.layout();
            return places.get();
        });
        assertEquals(before, far, "however long it grows");
    }

    /** True if {@code node} and every node above it are visible. */
    private static boolean shown(Node node) {
        for (var n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static double sceneX(Node node) {
        return node.localToScene(node.getBoundsInLocal()).getMinX();
    }

    private static void assertInside(Node node, Scene scene) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= scene.getWidth() && b.getMinY() >= 0 && b.getMaxY() <= scene.getHeight(),
                () -> node + " at " + b + " outside the " + scene.getWidth() + " × " + scene.getHeight() + " window");
    }

    /** Every shown label under {@code root} whose text is not drawn whole, with what is drawn. */
    private static Map<String, String> cutLabels(Parent root) {
        var cut = new LinkedHashMap<String, String>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, Map<String, String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            var text = drawnText(labeled);
            // A mnemonic's underscore is not drawn: "_Scenarios" draws "Scenarios", underlining the S.
            var whole = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_(?=.)", "") : labeled.getText();
            if (text != null && !text.equals(whole)) {
                cut.put(labeled.getText(), text);
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
        }
    }

    /** The text a label's skin draws, or null for a labeled control that draws it through an inner label. */
    private static String drawnText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .findFirst().orElse(null);
    }

    private static String drawn(Labeled labeled) {
        var text = drawnText(labeled);
        assertFalse(text == null, labeled + " draws no text");
        return text;
    }
}
