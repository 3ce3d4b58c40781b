package org.keepalivelab.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import org.keepalivelab.ui.capture.OpenedCapture;
import org.keepalivelab.ui.controls.Command;
import org.keepalivelab.ui.timeline.TimelinePalette;

/**
 * Which run the window's places show: the lab's, live, or a capture or saved run opened from File
 * ({@link CaptureScreen}). An opened one lists its connections in a tab of its own, and the lab's
 * settings and connections tabs are disabled meanwhile with the reason. The lab runs on behind it: its
 * timeline keeps pulling the lab's events, undrawn, so that it is current when shown again. FX thread.
 */
final class ScreenSwitch implements AutoCloseable {
    private final ScreenPlaces places;
    private final ScreenParts live;
    private final TabPane side;
    private final Tab settingsTab;
    private final List<Tab> liveTabs;
    private final Function<OpenedCapture, CaptureScreen> opening;
    private final Consumer<String> banner;
    private final Tab captureTab = new Tab("Capture");
    private final ReadOnlyBooleanWrapper captureShown = new ReadOnlyBooleanWrapper(this, "captureShown", false);
    /** The capture shown in place of the lab's run, or null while the lab's is. */
    private CaptureScreen capture;

    /**
     * Shows {@code live} in {@code places}.
     *
     * @param side    the side pane, whose {@code settingsTab} and {@code connectionsTab} are the lab's
     * @param opening makes the screen of an opened capture, in the window's theme as it is then
     * @param banner  shows a message above the window's places, or hides it when empty
     */
    ScreenSwitch(ScreenPlaces places, ScreenParts live, TabPane side, Tab settingsTab, Tab connectionsTab,
                 Function<OpenedCapture, CaptureScreen> opening, Consumer<String> banner) {
        this.places = places;
        this.live = live;
        this.side = side;
        this.settingsTab = settingsTab;
        this.liveTabs = List.of(settingsTab, connectionsTab);
        this.opening = opening;
        this.banner = banner;
        captureTab.setId("capture-tab");
        places.show(live);
    }

    /**
     * Shows {@code opened} in place of the lab's run (or of the capture shown before, which is closed):
     * its connections in a tab of their own, its timeline, story and status; the lab's settings and
     * connections disabled with the reason. The lab runs on meanwhile. A file that ended early says where,
     * in the banner.
     */
    void showCapture(OpenedCapture opened) {
        closeCapture();
        capture = opening.apply(opened);
        captureTab.setContent(capture.list());
        captureTab.setText("Capture: " + opened.name());
        if (!side.getTabs().contains(captureTab)) {
            side.getTabs().add(captureTab);
        }
        side.getSelectionModel().select(captureTab);
        for (var tab : liveTabs) {
            tab.setDisable(true);
            tab.setTooltip(new Tooltip(Command.NO_LIVE_SOCKET));
        }
        places.show(capture.parts());
        captureShown.set(true);
        banner.accept(opened.truncation().orElse(""));
    }

    /** Back to the lab's run, which went on meanwhile; the capture is closed. Nothing to do while the lab's is shown. */
    void showLab() {
        if (capture == null) {
            return;
        }
        closeCapture();
        side.getTabs().remove(captureTab);
        captureTab.setContent(null);
        for (var tab : liveTabs) {
            tab.setDisable(false);
            tab.setTooltip(null);
        }
        side.getSelectionModel().select(settingsTab);
        places.show(live);
        captureShown.set(false);
        banner.accept("");
    }

    /** True while a capture is shown in place of the lab's run: the lab's commands then have no socket to act on. */
    ReadOnlyBooleanProperty captureShownProperty() {
        return captureShown.getReadOnlyProperty();
    }

    /** The capture shown, or null while the lab's run is. */
    CaptureScreen capture() {
        return capture;
    }

    /** The parts shown: the lab's, or the capture's. */
    ScreenParts shown() {
        return capture == null ? live : capture.parts();
    }

    /** Draws the shown timeline's frame at lab time {@code now}. */
    void frame(long now) {
        if (capture == null) {
            live.timeline().frame(now);
        } else {
            capture.frame();
            live.timeline().pull(); // the lab runs on: its view keeps up, undrawn, and is current when shown again
        }
    }

    /** Draws the lab's timeline, and the capture's if one is shown, in {@code palette}. */
    void setPalette(TimelinePalette palette) {
        live.timeline().setPalette(palette);
        if (capture != null) {
            capture.timeline().setPalette(palette);
        }
    }

    /** Closes the capture shown, if any, as the window goes: it stops explaining. */
    @Override
    public void close() {
        closeCapture();
    }

    private void closeCapture() {
        if (capture != null) {
            capture.close();
            capture = null;
        }
    }
}
