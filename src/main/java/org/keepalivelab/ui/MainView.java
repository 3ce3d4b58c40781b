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
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
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
 * selected connection's story in the middle, the status line at the bottom: it makes the parts and wires
 * them. An open capture (File) takes the same places with its own parts while the lab runs on behind it
 * ({@link ScreenSwitch}); a file read shows its progress above. An {@link AnimationTimer}
 * pulls the lab's new events once per frame; the session, the connection list and the status line are
 * refreshed ten times a second, and the selected connection's explanation asked for then if its events
 * changed.
 */
public final class MainView extends BorderPane {
    private static final long STATUS_EVERY_NANOS = 100_000_000;

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
    /** The lab's run or an opened capture in the window's places; made once the FXML's places are in. */
    private ScreenSwitch screens;
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
    @FXML
    private MenuItem exportPcapngItem;

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
                io, opened -> screens.showCapture(opened), this::showMessage, note -> exportNote.setText(note));
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
        var live = new ScreenParts(timeline,
                new DetailsPane(timeline.pinnedDetailsProperty(), session.explanationProperty()),
                new StoryPanel(session.explanationProperty(), session.selectedConnProperty(), timeline::reveal),
                status, exports);
        screens = new ScreenSwitch(new ScreenPlaces(this, timelineArea, compactLanes, detailsRow, storySlot), live,
                side, settingsTab, connectionsTab, this::screenOf, this::showMessage);
        actions.captureShownProperty().bind(screens.captureShownProperty());
        backToLab.disableProperty().bind(screens.captureShownProperty().not());
        exportPcapngItem.disableProperty().bind(screens.captureShownProperty()); // the lab's capture, not the file's
        session.explanationProperty().addListener((obs, was, is) ->
                timeline.setDetections(is == null ? LaneDetections.NONE : LaneDetections.of(List.of(is))));
    }

    /** The screen of a capture just opened, in the window's theme as it is now. */
    private CaptureScreen screenOf(OpenedCapture opened) {
        return new CaptureScreen(opened, TimelinePalette.of(theme), session.rules(), io,
                note -> exportNote.setText(note), this::showMessage);
    }

    /** Back to the lab's run, which went on meanwhile; the capture is closed. */
    public void showLab() {
        screens.showLab();
    }

    /** Reads {@code file} (a capture, or a saved run) and shows it; completes once shown, or failed or cancelled. */
    public CompletableFuture<OpenedCapture> openCapture(Path file) {
        return files.open(file);
    }

    /** Saves the lab's run in {@code folder}; completes once written. */
    public CompletableFuture<Path> saveRun(Path folder) {
        return files.save(folder);
    }

    /** Writes the lab's capture so far to {@code file} as pcapng, each segment with its label; completes once written. */
    public CompletableFuture<Path> exportPcapng(Path file) {
        return files.exportPcapng(file);
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
        return screens.capture();
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
    private void exportPcapng() {
        files.chooseAndExportPcapng();
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
        screens.shown().timeline().press(KeyCode.valueOf((String) ((Node) e.getSource()).getUserData()));
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
        screens.close();
        io.shutdown();
    }

    /** Waits, off the FX thread, until an export under way is written: closing the window does not lose it. */
    void awaitFiles() throws InterruptedException {
        io.awaitTermination(1, TimeUnit.MINUTES);
    }

    private void frame() {
        long now = session.lab().clock().now();
        screens.frame(now);
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
        screens.setPalette(TimelinePalette.of(next));
        actions.showTheme(next);
        legend.redraw();
    }

    /** What the window has explained: the selected connection's explanation, once made. */
    private List<Explanation> explained() {
        var shown = session.explanationProperty().get();
        return shown == null ? List.of() : List.of(shown);
    }

    private void askAndExport() {
        screens.shown().exports().askAndExport(theme);
    }

    /** Exports what is shown as the user asked; completes once the file is written (the outcome also shows in the window). */
    public CompletableFuture<Path> exportPng(ExportRequest request, Path file) {
        return screens.shown().exports().export(request, file);
    }

    public TimelineView timeline() {
        return timeline;
    }

    public TimelineModel model() {
        return model;
    }
}
