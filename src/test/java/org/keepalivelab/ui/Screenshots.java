package org.keepalivelab.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.keepalivelab.lab.Startup;

/**
 * Takes the README's screenshots: {@code scripts/screenshot} runs this under Xvfb with three arguments,
 * the window's PNG, the timeline export's PNG, and the window's PNG with the run's capture opened. The real window, {@link LabApp} with
 * {@link KillDemo#SETTINGS}, goes through its whole life as {@code ./keepalive-lab} gives it one;
 * {@link KillDemo} clicks through the demo once it shows.
 */
public final class Screenshots extends Application {
    private LabApp app;
    private KillDemo demo;

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: Screenshots <window.png> <export.png> <capture.png>");
        }
        Application.launch(Screenshots.class, args);
    }

    /** Starts the lab, off the FX thread, as {@link LabApp#init()} does for {@code ./keepalive-lab}. */
    @Override
    public void init() throws Exception {
        // No namespace of its own (the screenshots run as root), but off Linux the other systems' path.
        var startup = Startup.decide(false, List.of());
        if (!(startup instanceof Startup.Here(var isolation))) {
            throw new IllegalStateException("Without a namespace the lab runs here, not " + startup);
        }
        var files = getParameters().getRaw();
        app = new LabApp(KillDemo.SETTINGS, isolation);
        demo = new KillDemo(app, Path.of(files.get(0)), Path.of(files.get(1)), Path.of(files.get(2)));
        app.init();
    }

    @Override
    public void start(Stage stage) {
        app.start(stage);
        demo.start();
    }

    /** Stops the lab and waits until it is closed, so the JVM exits only once its exports are written. */
    @Override
    public void stop() {
        app.stop();
        app.closed().join();
    }
}
