package org.keepalivelab.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.ui.controls.ActionBar;
import org.keepalivelab.ui.controls.SettingsPanel;
import org.keepalivelab.ui.export.ExportFlow;
import org.keepalivelab.ui.export.ExportRequest;
import org.keepalivelab.ui.settings.SettingsText;
import org.keepalivelab.ui.status.StatusLine;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.LegendPainter;
import org.keepalivelab.ui.timeline.TimelineModel;
import org.keepalivelab.ui.timeline.TimelinePalette;
import org.keepalivelab.ui.timeline.TimelineView;

/**
 * The window's content: commands on top, the next connection's settings on the left, the live timeline
 * with its legend and the details of the clicked mark in the middle, the status line at the bottom.
 * An {@link AnimationTimer} pulls the lab's new events once per frame.
 */
public final class MainView extends BorderPane {
    private static final long STATUS_EVERY_NANOS = 100_000_000;
    private static final String DETAILS_HINT = "Hover a mark for its details; click it to keep them here and select its connection. "
            + "Wheel or +/− zooms, drag or ←/→ pans, L follows live time, A shows the whole lab.";

    private final LabSession session;
    private final TimelineModel model;
    private final TimelineView timeline;
    private final SettingsPanel settings;
    private final ActionBar actions;
    private final StatusLine status;
    private final Canvas legend = new Canvas();
    private final Label details = new Label(DETAILS_HINT);
    private final Label banner = new Label();
    private final Label modeBanner = new Label();
    private final Label exportNote = new Label();
    private final Button themeToggle = new Button();
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "ui-file-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final ExportFlow exports;
    private Theme theme = Theme.LIGHT;
    private long lastStatus;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long fxNow) {
            frame();
        }
    };

    public MainView(LabSession session, LabSettings initial) {
        this.session = session;
        this.model = new TimelineModel(session.lab().timeline());
        this.timeline = new TimelineView(model, TimelinePalette.of(theme));
        this.settings = new SettingsPanel(initial, session.defaults(), session.lab().linuxOptionsProblem());
        this.actions = new ActionBar(session, session.lab().severProblem(), settings.validBinding());
        this.status = new StatusLine(session.lab(), session.defaults(), model);
        this.exports = new ExportFlow(timeline, session.lab(), session.defaults(), io, exportNote::setText,
                failure -> showMessage("PNG export failed: " + LabSession.words(failure)));
        getStyleClass().add("main-view");
        setId("main-view");
        timeline.setId("timeline");
        timeline.selectedConnProperty().bindBidirectional(session.selectedConnProperty());
        timeline.setLaneTitle(SettingsText.laneTitles(session.connectionsProperty()::get, session.defaults()));
        timeline.pinnedDetailsProperty().addListener((obs, was, is) -> details.setText(is == null ? DETAILS_HINT : is));
        settings.settingsProperty().addListener((obs, was, is) -> session.lab().setSettings(is));
        session.clientsPerConnectProperty().bind(settings.clientsPerConnectProperty());
        session.messageProperty().addListener((obs, was, is) -> showMessage(is));

        setTop(top());
        setLeft(settings);
        setCenter(center());
        setBottom(status);
    }

    private Node top() {
        var title = new Label("Keepalive Lab");
        title.getStyleClass().add("app-title");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var export = new Button("Export PNG…");
        export.setId("export-png");
        export.setOnAction(e -> askAndExport());
        themeToggle.setId("theme-toggle");
        themeToggle.setOnAction(e -> setTheme(theme.other()));
        themeToggle.setText(theme.other().label() + " theme");
        var bar = new HBox(title, actions, spacer, export, themeToggle);
        bar.getStyleClass().add("lab-toolbar");
        banner.getStyleClass().add("message-banner");
        banner.setId("message");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setVisible(false);
        banner.setManaged(false);
        banner.setOnMouseClicked(e -> session.clearMessage());
        // Where capture or sever is missing, one banner says which mode this is, for as long as it lasts.
        var mode = session.lab().mode();
        modeBanner.setText(mode.banner());
        modeBanner.setId("mode-banner");
        modeBanner.getStyleClass().add("mode-banner");
        modeBanner.setMaxWidth(Double.MAX_VALUE);
        modeBanner.setVisible(mode.limited());
        modeBanner.setManaged(mode.limited());
        var bannerBox = new VBox(4, modeBanner, banner);
        bannerBox.setStyle("-fx-padding: 0 12 0 12;");
        return new VBox(bar, bannerBox);
    }

    private Node center() {
        var live = viewButton("Live", "Follow live time (L)", KeyCode.L);
        var all = viewButton("Whole lab", "Show the whole lab (A)", KeyCode.A);
        var zoomOut = viewButton("−", "Zoom out (−)", KeyCode.MINUS);
        var zoomIn = viewButton("+", "Zoom in (+)", KeyCode.PLUS);
        var back = viewButton("←", "Back in time (←)", KeyCode.LEFT);
        var forward = viewButton("→", "Forward in time (→)", KeyCode.RIGHT);
        exportNote.getStyleClass().add("hint");
        var controls = new HBox(live, all, zoomOut, zoomIn, back, forward, exportNote);
        controls.getStyleClass().add("view-controls");

        var legendBox = new Pane(legend);
        legendBox.getStyleClass().add("legend-strip");
        legendBox.widthProperty().addListener((obs, was, is) -> drawLegend(is.doubleValue()));
        legendBox.setMinHeight(48);
        legendBox.setPrefHeight(48);

        details.getStyleClass().add("details-text");
        details.setId("details");
        details.setWrapText(true);
        details.setMinHeight(48);
        details.setAlignment(Pos.TOP_LEFT);
        var detailsBar = new HBox(details);
        detailsBar.getStyleClass().add("details-bar");
        HBox.setHgrow(details, Priority.ALWAYS);
        details.setMaxWidth(Double.MAX_VALUE);

        var center = new BorderPane(timeline, controls, null, new VBox(legendBox, detailsBar), null);
        center.getStyleClass().add("timeline-area");
        return center;
    }

    private Button viewButton(String text, String tip, KeyCode key) {
        var button = new Button(text);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setOnAction(e -> timeline.press(key));
        return button;
    }

    private void drawLegend(double width) {
        double w = Math.max(100, width - 28);
        double h = LegendPainter.height(w);
        legend.setWidth(w);
        legend.setHeight(h);
        legend.relocate(14, 4);
        var gc = legend.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        LegendPainter.draw(gc, 0, 0, w, timeline.palette());
        ((Region) legend.getParent()).setPrefHeight(h + 8);
        ((Region) legend.getParent()).setMinHeight(h + 8);
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
        io.shutdown();
    }

    /** Waits, off the FX thread, until an export under way is written: closing the window does not lose it. */
    void awaitFiles() throws InterruptedException {
        io.awaitTermination(1, TimeUnit.MINUTES);
    }

    private void frame() {
        long now = session.lab().clock().now();
        timeline.frame(now);
        if (now - lastStatus >= STATUS_EVERY_NANOS) {
            lastStatus = now;
            session.refresh();
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
        themeToggle.setText(next.other().label() + " theme");
        drawLegend(((Region) legend.getParent()).getWidth());
    }

    private void askAndExport() {
        exports.askAndExport(theme);
    }

    /** Exports as the user asked; completes once the file is written (the outcome also shows in the window). */
    public CompletableFuture<Path> exportPng(ExportRequest request, Path file) {
        return exports.export(request, file);
    }

    public TimelineView timeline() {
        return timeline;
    }

    public TimelineModel model() {
        return model;
    }
}
