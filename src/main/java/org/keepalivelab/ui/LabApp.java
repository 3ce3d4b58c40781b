package org.keepalivelab.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.export.AppVersion;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.Scenario;
import org.keepalivelab.ui.controls.ActionBar;
import org.keepalivelab.ui.desktop.AppIcons;

/**
 * The Keepalive Lab window. On launch the seed scenario is already running: the lab started, one client
 * connected and "howdy" (5 bytes) sent. Closing the window (its close button, Ctrl+Q or Ctrl+W) stops the
 * lab: every socket closed, every lab thread ended. A scenario chosen in the Scenarios menu runs in a lab
 * of its own, which the window then shows in place of the one before, closing that one. The window opens
 * where it was last closed ({@link WindowPlacementFile}).
 */
public final class LabApp extends Application {
    private static volatile LabSettings launchSettings = LabSettings.seed();
    private static volatile Isolation launchIsolation = Isolation.HOST;
    private static volatile LabApp launched;

    private final LabSettings settings;
    private final Isolation isolation;
    private final WindowPlacementFile placementFile;
    private final Function<ConnectionFacts, Explanation> rules;
    private Optional<WindowPlacement> savedPlacement = Optional.empty();
    private StagePlacement placement;
    private List<Image> icons = List.of();
    private Lab lab;
    private LabSession session;
    private MainView view;
    /** The steps of the scenario the lab runs, played on a thread of their own; null for the seed's lab. */
    private ScenarioPlayer player;
    private ScenarioStart scenarios;
    /** A scenario's lab being started, until the window shows it or it failed; null when none is. */
    private CompletableFuture<ScenarioStart.Started> starting;
    private Stage stage;
    /** Completes once the window's exports are written and the lab is closed, off the FX thread. */
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private boolean closing;

    /** For {@link Application#launch}, which passes no arguments: what {@link #launch} was given. */
    public LabApp() {
        this(launchSettings, launchIsolation, WindowPlacementFile.ofUser());
    }

    /**
     * A window whose lab starts with {@code settings} where {@code isolation} says. On Linux the isolation
     * only words the mode and its remedies, and what the lab can do, the kernel decides;
     * {@link Isolation.Kind#OTHER_SYSTEM} keeps the lab off every Linux interface. The window tests and the
     * screenshots, which start the window themselves, come in here too: their window opens as a new one,
     * and its placement is not kept.
     */
    LabApp(LabSettings settings, Isolation isolation) {
        this(settings, isolation, WindowPlacementFile.none());
    }

    /** A window as {@link #LabApp(LabSettings, Isolation)}, placed as {@code placementFile} remembers it. */
    LabApp(LabSettings settings, Isolation isolation, WindowPlacementFile placementFile) {
        this(settings, isolation, placementFile, Explanation::of);
    }

    /** A new window as {@link #LabApp(LabSettings, Isolation)}, whose explanations {@code rules} make: a test's own. */
    LabApp(LabSettings settings, Isolation isolation, Function<ConnectionFacts, Explanation> rules) {
        this(settings, isolation, WindowPlacementFile.none(), rules);
    }

    private LabApp(LabSettings settings, Isolation isolation, WindowPlacementFile placementFile,
                   Function<ConnectionFacts, Explanation> rules) {
        this.settings = settings;
        this.isolation = isolation;
        this.placementFile = placementFile;
        this.rules = rules;
    }

    /**
     * Opens the window with a lab started with {@code settings} ({@link LabSettings#seed()} for the
     * default) where {@code isolation} says ({@link org.keepalivelab.lab.Startup}), and blocks until the
     * window is closed.
     */
    public static void launch(LabSettings settings, Isolation isolation) {
        launchSettings = settings;
        launchIsolation = isolation;
        Application.launch(LabApp.class);
        var app = launched;
        if (app != null) {
            app.closed.join(); // before the caller exits the JVM
        }
    }

    /**
     * Starts the lab, off the FX thread: binding sockets and starting the capture are I/O, as is reading
     * where the window was.
     */
    @Override
    public void init() throws Exception {
        launched = this;
        savedPlacement = placementFile.read();
        icons = AppIcons.load();
        lab = Lab.start(settings, isolation);
        scenarios = new ScenarioStart(isolation);
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        showLab(lab, settings);
        var size = StagePlacement.newWindowSize();
        var scene = new Scene(view, size.getWidth(), size.getHeight());
        scene.getStylesheets().setAll(view.theme().stylesheets());
        for (var key : List.of(KeyCode.Q, KeyCode.W)) {
            scene.getAccelerators().put(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN), this::close);
        }
        stage.setScene(scene);
        stage.setTitle(AppVersion.nameAndVersion());
        stage.getIcons().setAll(icons);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        placement = StagePlacement.open(stage, savedPlacement);
        stage.setOnHidden(e -> shutdown());
        stage.show();
        view.start();
        FirstFrameReport.startIfAsked(view.model());
        session.connectAndSend(ActionBar.HOWDY_BYTES);
    }

    /** A session and a view over {@code shown}, the next Connect's settings {@code initial}; FX thread. */
    private void showLab(Lab shown, LabSettings initial) {
        lab = shown;
        session = new LabSession(shown, rules);
        view = new MainView(session, initial);
        view.setOnScenario(this::startScenario);
    }

    /**
     * Starts {@code scenario} in a fresh lab, off the FX thread; once it listens, the window shows it and
     * its steps play, and the lab shown until then is closed. A capture shown goes first: the scenario is
     * live. One at a time: a choice while one starts is not taken.
     */
    void startScenario(Scenario scenario) {
        if (starting != null || closing) {
            return;
        }
        view.showLab();
        var started = scenarios.start(scenario);
        starting = started;
        started.whenComplete((done, failure) -> Platform.runLater(() -> {
            if (closing) {
                return; // the window's closing closes the lab it started
            }
            starting = null;
            if (failure != null) {
                session.tell("Could not start the scenario " + scenario.name() + ": " + LabSession.words(failure));
            } else {
                swapTo(done);
            }
        }));
    }

    /** Shows the scenario's lab in the window in place of the one shown, and closes that one off the FX thread. */
    private void swapTo(ScenarioStart.Started started) {
        var oldView = view;
        var oldLab = lab;
        var oldPlayer = player;
        oldView.stop();
        session.close();
        showLab(started.lab(), started.scenario().settings());
        view.setTheme(oldView.theme());
        stage.getScene().setRoot(view);
        view.showScenario(started.scenario(), started.kernelNote());
        view.start();
        var shownSession = session;
        player = ScenarioPlayer.play(started.lab(), started.scenario().playable(),
                failure -> Platform.runLater(() -> shownSession.tell(failure)));
        closeLater(oldView, oldLab, oldPlayer, () -> { }, () -> { });
    }

    /**
     * On the {@code lab-close} thread: {@code first}, then stops the player, lets the view's exports finish,
     * closes the lab, and then {@code last}, whatever failed before it.
     */
    private static void closeLater(MainView closedView, Lab closedLab, ScenarioPlayer closedPlayer, Runnable first,
                                   Runnable last) {
        Thread.ofPlatform().name("lab-close").start(() -> {
            try {
                first.run();
                if (closedPlayer != null) {
                    closedPlayer.stop();
                }
                if (closedView != null) {
                    closedView.awaitFiles();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    if (closedLab != null) {
                        closedLab.close();
                    }
                } finally {
                    last.run();
                }
            }
        });
    }

    /** Closes the window as its close button does: a close request, which hides it unless a handler objects. */
    private void close() {
        stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    @Override
    public void stop() {
        shutdown();
    }

    /**
     * Stops drawing at once, then, on a thread of its own (the FX thread never waits for the lab or a file),
     * remembers where the window was, lets an export under way finish and closes the lab. Once.
     */
    private void shutdown() {
        if (closing) {
            return;
        }
        closing = true;
        if (view != null) {
            view.stop();
        }
        if (session != null) {
            session.close();
        }
        var last = placement == null ? Optional.<WindowPlacement>empty() : placement.current();
        var pending = starting;
        closeLater(view, lab, player, () -> last.ifPresent(placementFile::write), () -> {
            if (pending != null) { // a scenario's lab the window never showed
                pending.thenAccept(started -> started.lab().close()).exceptionally(failure -> null).join();
            }
            closed.complete(null); // whatever happened, the launcher must not wait forever
        });
    }

    /** Completes once the lab is closed after the window was: its sockets and threads are gone. */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    public LabSession session() {
        return session;
    }

    public MainView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }
}
