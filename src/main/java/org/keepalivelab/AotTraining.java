package org.keepalivelab;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.ui.LabSession;
import org.keepalivelab.ui.MainView;
import org.keepalivelab.ui.controls.ActionBar;
import org.keepalivelab.ui.export.PngToolkit;

/**
 * The training run of {@code ./keepalive-lab}'s AOT cache (JDK 25, JEP 514): the window's content with a
 * lab behind it, shown for a moment on JavaFX's Headless platform, then the headless run {@link Main} is
 * given {@code args} for. The cache then holds what both load, and a later start of either maps it (the
 * cache is made for the class path, whatever the training's main class). The headless run alone left out
 * what only the window loads: its FXML layout (the loader, its XML parser, the controls' skins), which
 * every start of the window then loaded anew.
 */
public final class AotTraining {
    private static final long WINDOW_MILLIS = 1_500;

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        PngToolkit.startHeadless(); // the PNG the headless run draws then finds it up
        var lab = Lab.start(LabSettings.seed(), Isolation.DECLINED);
        try {
            var session = onFx(() -> {
                var labSession = new LabSession(lab);
                var view = new MainView(labSession, LabSettings.seed());
                var stage = new Stage();
                var scene = new Scene(view, 1440, 900);
                scene.getStylesheets().setAll(view.theme().stylesheets());
                stage.setScene(scene);
                stage.show();
                ((TabPane) scene.lookup("#side-pane")).getSelectionModel().select(1); // the connections, built when shown
                view.start();
                labSession.connectAndSend(ActionBar.HOWDY_BYTES);
                return new Shown(stage, view);
            });
            Thread.sleep(WINDOW_MILLIS);
            onFx(() -> {
                session.view().stop();
                session.stage().close();
                return null;
            });
        } finally {
            lab.close();
        }
        Main.main(args);
    }

    private record Shown(Stage stage, MainView view) {
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
