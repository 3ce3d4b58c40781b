package org.keepalivelab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.Scenario;
import org.keepalivelab.lab.Scenarios;
import org.keepalivelab.ui.capture.ImportProgress;
import org.keepalivelab.ui.capture.OpenedCapture;
import org.keepalivelab.ui.connections.ConnectionList;
import org.keepalivelab.ui.controls.ActionBar;
import org.keepalivelab.ui.controls.Command;
import org.keepalivelab.ui.controls.LabKernelCard;
import org.keepalivelab.ui.controls.ScenarioMenu;
import org.keepalivelab.ui.controls.SettingsPanel;
import org.keepalivelab.ui.desktop.Fxml;
import org.keepalivelab.ui.export.ExportFlow;
import org.keepalivelab.ui.export.ExportRequest;
import org.keepalivelab.ui.settings.SettingsText;
import org.keepalivelab.ui.status.StatusLine;
import org.keepalivelab.ui.story.StoryPanel;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.ConnectionLane;
import org.keepalivelab.ui.timeline.LaneDetections;
import org.keepalivelab.ui.timeline.TimelineModel;
import org.keepalivelab.ui.timeline.TimelinePalette;
import org.keepalivelab.ui.timeline.TimelineView;

/**
 * The window's content (MainView.fxml): the toolbar on top, the next connection's settings and the list
 * of connections on the left, the live timeline with its legend, the details of the clicked mark and the
 * selected connection's story in the middle, the status line at the bottom. An open capture (File) takes
 * the same places with its own parts ({@link CaptureScreen}) while the lab runs on behind it; a file
 * read shows its progress above. An {@link AnimationTimer}
 * pulls the lab's new events once per frame; the session, the connection list and the status line are
 * refreshed ten times a second, and the selected connection's explanation asked for then if its events
 * changed.
 */
public final class MainView extends BorderPane {
    private static final long STATUS_EVERY_NANOS = 100_000_000;
    /** The story's share of the window's height, and its bounds: it scrolls rather than take the timeline's room. */
    private static final double STORY_SHARE = 0.16;
    private static final double STORY_MIN = 72;
    private static final double STORY_MAX = 168;
    /** The story's share of the row it shares with the details, and its least and most width. */
    private static final double STORY_WIDTH_SHARE = 0.42;
    private static final double STORY_MIN_WIDTH = 240;
    private static final double STORY_MAX_WIDTH = 620;

    private final LabSession session;
    private final TimelineModel model;
    private final TimelineView timeline;
    private final SettingsPanel settings;
    private final ActionBar actions;
    private final StatusLine status;
    private final LegendStrip legend;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "ui-file-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final ExportFlow exports;
    private final ImportProgress progress = new ImportProgress();
    private final CaptureFiles files;
    private final ScenarioMenu scenarios;
    private final ScenarioHeading scenarioHeading;
    private Consumer<Scenario> onScenario = scenario -> { };
    /** The capture shown in place of the lab's run, or null while the lab's is. */
    private CaptureScreen capture;
    private final Tab captureTab = new Tab("Capture");
    private DetailsPane liveDetails;
    private StoryPanel liveStory;
    private Theme theme = Theme.LIGHT;
    private long lastStatus;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long fxNow) {
            frame();
        }
    };
    @FXML
    private VBox top;
    @FXML
    private HBox viewControls;
    @FXML
    private Label modeBanner;
    @FXML
    private Label banner;
    @FXML
    private TabPane side;
    @FXML
    private Tab settingsTab;
    @FXML
    private Tab connectionsTab;
    @FXML
    private BorderPane timelineArea;
    @FXML
    private ToggleButton compactLanes;
    @FXML
    private Label exportNote;
    @FXML
    private VBox below;
    @FXML
    private HBox detailsRow;
    @FXML
    private StackPane storySlot;
    @FXML
    private MenuItem backToLab;

    public MainView(LabSession session, LabSettings initial) {
        this.session = session;
        this.model = new TimelineModel(session.lab().timeline());
        this.timeline = new TimelineView(model, TimelinePalette.of(theme));
        this.settings = new SettingsPanel(initial, session.defaults(), session.lab().linuxOptionsProblem());
        this.actions = new ActionBar(session, session.lab().severProblem(), settings.refusalProperty(),
                this::revealRefusedSetting);
        this.status = new StatusLine(session.lab(), session::defaults, model);
        this.legend = new LegendStrip(timeline);
        this.exports = new ExportFlow(timeline, ExportFlow.Source.of(session.lab()), this::explained, io,
                note -> exportNote.setText(note),
                failure -> showMessage("PNG export failed: " + LabSession.words(failure)));
        this.files = new CaptureFiles(progress, () -> getScene() == null ? null : getScene().getWindow(), session.lab(),
                io, this::showCapture, this::showMessage, note -> exportNote.setText(note));
        this.scenarios = new ScenarioMenu(Scenarios.ALL, session.lab().kernel().problem(), s -> onScenario.accept(s));
        this.scenarioHeading = new ScenarioHeading(actions.captureShownProperty());
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        top.getChildren().addFirst(actions);
        top.getChildren().add(progress);
        actions.setOnExport(this::askAndExport);
        files.acceptDropsOn(this);
        captureTab.setId("capture-tab");
        actions.setOnToggleTheme(() -> setTheme(theme.other()));
        actions.showTheme(theme);
        // Where capture or sever is missing, one banner says which mode this is, for as long as it lasts.
        var mode = session.lab().mode();
        modeBanner.setText(mode.banner());
        modeBanner.setVisible(mode.limited());
        modeBanner.setManaged(mode.limited());
        session.messageProperty().addListener((obs, was, is) -> showMessage(is));

        settingsTab.setContent(settings);
        settings.showLabKernel(new LabKernelCard(session.lab().kernel()));
        session.defaultsProperty().addListener((obs, was, is) -> settings.showDefaults(is));
        // Built when first shown: a table laid out at start, unseen, would hold up the window's first frames.
        connectionsTab.setOnSelectionChanged(e -> {
            if (connectionsTab.isSelected() && connectionsTab.getContent() == null) {
                connectionsTab.setContent(new ConnectionList(session.connectionsProperty(),
                        session.selectedConnProperty(), session.lab().timeline(), session.lab().serverAddress()));
            }
        });
        settings.settingsProperty().addListener((obs, was, is) -> session.lab().setSettings(is));
        session.clientsPerConnectProperty().bind(settings.clientsPerConnectProperty());

        timeline.setId("timeline");
        timeline.selectedConnProperty().bindBidirectional(session.selectedConnProperty());
        timeline.setLaneTitle(SettingsText.laneTitles(session.connectionsProperty()::get, session::defaults));
        below.getChildren().addAll(0, List.of(legend, scenarioHeading));
        viewControls.getChildren().add(1, scenarios); // beside File
        liveDetails = new DetailsPane(timeline.pinnedDetailsProperty(), session.explanationProperty());
        detailsRow.getChildren().addFirst(liveDetails);
        liveStory = new StoryPanel(session.explanationProperty(), session.selectedConnProperty(), timeline::reveal);
        storySlot.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.clamp(
                detailsRow.getWidth() * STORY_WIDTH_SHARE, STORY_MIN_WIDTH, STORY_MAX_WIDTH), detailsRow.widthProperty()));
        show(timeline, liveDetails, liveStory, status);
        session.explanationProperty().addListener((obs, was, is) ->
                timeline.setDetections(is == null ? LaneDetections.NONE : LaneDetections.of(List.of(is))));
    }

    /** Puts a timeline and its details, story and status line in their places. */
    private void show(TimelineView shown, DetailsPane details, StoryPanel story, Node bottom) {
        var was = timelineArea.getCenter();
        if (was instanceof TimelineView old) {
            compactLanes.selectedProperty().unbindBidirectional(old.compactLanesProperty());
        }
        timelineArea.setCenter(shown);
        compactLanes.selectedProperty().bindBidirectional(shown.compactLanesProperty());
        HBox.setHgrow(details, Priority.ALWAYS);
        details.setPrefWidth(0); // the details take what the story leaves
        detailsRow.getChildren().set(0, details);
        story.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.clamp(getHeight() * STORY_SHARE, STORY_MIN, STORY_MAX), heightProperty()));
        story.setMaxHeight(STORY_MAX);
        storySlot.getChildren().setAll(story);
        setBottom(bottom);
    }

    /**
     * Shows {@code opened} in place of the lab's run: its connections in a tab of their own, its timeline,
     * story and status; the lab's settings and connections, and every command, disabled with the reason.
     * The lab runs on meanwhile. A file that ended early says where, in the banner.
     */
    void showCapture(OpenedCapture opened) {
        closeCapture();
        capture = new CaptureScreen(opened, TimelinePalette.of(theme), session.rules(), io,
                note -> exportNote.setText(note), this::showMessage);
        captureTab.setContent(capture.list());
        captureTab.setText("Capture: " + opened.name());
        if (!side.getTabs().contains(captureTab)) {
            side.getTabs().add(captureTab);
        }
        side.getSelectionModel().select(captureTab);
        for (var live : List.of(settingsTab, connectionsTab)) {
            live.setDisable(true);
            live.setTooltip(new Tooltip(Command.NO_LIVE_SOCKET));
        }
        show(capture.timeline(), capture.details(), capture.story(), capture.status());
        actions.captureShownProperty().set(true);
        backToLab.setDisable(false);
        showMessage(opened.truncation().orElse(""));
    }

    /** Back to the lab's run, which went on meanwhile; the capture is closed. */
    public void showLab() {
        if (capture == null) {
            return;
        }
        closeCapture();
        side.getTabs().remove(captureTab);
        captureTab.setContent(null);
        for (var live : List.of(settingsTab, connectionsTab)) {
            live.setDisable(false);
            live.setTooltip(null);
        }
        side.getSelectionModel().select(settingsTab);
        show(timeline, liveDetails, liveStory, status);
        actions.captureShownProperty().set(false);
        backToLab.setDisable(true);
        showMessage("");
    }

    private void closeCapture() {
        if (capture != null) {
            capture.close();
            capture = null;
        }
    }

    /** Reads {@code file} (a capture, or a saved run) and shows it; completes once shown, or failed or cancelled. */
    public CompletableFuture<OpenedCapture> openCapture(Path file) {
        return files.open(file);
    }

    /** Saves the lab's run in {@code folder}; completes once written. */
    public CompletableFuture<Path> saveRun(Path folder) {
        return files.save(folder);
    }

    /** What choosing a scenario in the Scenarios menu does: the window starts it in a fresh lab. */
    void setOnScenario(Consumer<Scenario> chosen) {
        onScenario = chosen;
    }

    /** Shows the scenario this view's lab runs: its question, what it shows, what became of its sysctls. */
    void showScenario(Scenario scenario, Optional<String> kernelNote) {
        scenarioHeading.show(scenario, kernelNote);
    }

    /** The capture shown, or null while the lab's run is. */
    CaptureScreen captureScreen() {
        return capture;
    }

    /** Shows the settings and puts the cursor in the first refused field: a click on the waiting Connect. */
    private void revealRefusedSetting() {
        side.getSelectionModel().select(settingsTab);
        settings.revealFirstRefused();
    }

    @FXML
    private void openCapture() {
        files.chooseCapture();
    }

    @FXML
    private void openRun() {
        files.chooseRun();
    }

    @FXML
    private void saveRun() {
        files.chooseAndSave();
    }

    @FXML
    private void backToLab() {
        showLab();
    }

    @FXML
    private void dismissMessage() {
        session.clearMessage();
        showMessage("");
    }

    /** A view control: does what its key, its {@code userData}, does on the timeline. */
    @FXML
    private void press(ActionEvent e) {
        shown().press(KeyCode.valueOf((String) ((Node) e.getSource()).getUserData()));
    }

    private void showMessage(String message) {
        boolean show = message != null && !message.isEmpty();
        banner.setText(show ? message + "   (click to dismiss)" : "");
        banner.setVisible(show);
        banner.setManaged(show);
    }

    /** Starts drawing frames. */
    public void start() {
        frames.start();
    }

    /** Stops drawing frames; the file writer takes no more work, and finishes what it has ({@link #awaitFiles}). */
    public void stop() {
        frames.stop();
        files.cancel();
        closeCapture();
        io.shutdown();
    }

    /** Waits, off the FX thread, until an export under way is written: closing the window does not lose it. */
    void awaitFiles() throws InterruptedException {
        io.awaitTermination(1, TimeUnit.MINUTES);
    }

    private void frame() {
        long now = session.lab().clock().now();
        if (capture == null) {
            timeline.frame(now);
        } else {
            capture.frame();
            timeline.pull(); // the lab runs on: its view keeps up, undrawn, and is current when shown again
        }
        if (now - lastStatus >= STATUS_EVERY_NANOS) {
            lastStatus = now;
            files.poll();
            session.refresh();
            session.explainSelected(model.lane(session.selectedConnProperty().get(), false)
                    .map(ConnectionLane::eventCount).orElse(0));
            status.update(now, session.selectedProperty().get());
        }
    }

    public Theme theme() {
        return theme;
    }

    /** Switches the whole window, canvas included, to {@code next}. */
    public void setTheme(Theme next) {
        theme = next;
        if (getScene() != null) {
            getScene().getStylesheets().setAll(next.stylesheets());
        }
        timeline.setPalette(TimelinePalette.of(next));
        if (capture != null) {
            capture.timeline().setPalette(TimelinePalette.of(next));
        }
        actions.showTheme(next);
        legend.redraw();
    }

    /** What the window has explained: the selected connection's explanation, once made. */
    private List<Explanation> explained() {
        var shown = session.explanationProperty().get();
        return shown == null ? List.of() : List.of(shown);
    }

    private void askAndExport() {
        shownExports().askAndExport(theme);
    }

    /** Exports what is shown as the user asked; completes once the file is written (the outcome also shows in the window). */
    public CompletableFuture<Path> exportPng(ExportRequest request, Path file) {
        return shownExports().export(request, file);
    }

    private ExportFlow shownExports() {
        return capture == null ? exports : capture.exports();
    }

    /** The timeline shown: the lab's, or the capture's. */
    private TimelineView shown() {
        return capture == null ? timeline : capture.timeline();
    }

    public TimelineView timeline() {
        return timeline;
    }

    public TimelineModel model() {
        return model;
    }
}
