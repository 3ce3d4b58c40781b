package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.keepalivelab.ui.Fx.onFx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keepalivelab.lab.Isolation;

/**
 * The window opens where the placement file (in a configuration directory of the test's own) says it was,
 * and writes where it is when it closes.
 */
@ResourceLock("javafx-toolkit")
class WindowPlacementWindowTest {
    private static final WindowPlacement SAVED = new WindowPlacement(40, 30, 1100, 700, false);

    @TempDir
    Path config;
    @RegisterExtension
    final LabWindow window = LabWindow.asPlaced(() -> {
        var file = WindowPlacementFile.in(config);
        file.write(SAVED);
        return new LabApp(KillScenario.SETTINGS, Isolation.HOST, file);
    });

    @Test
    void opensWhereItWasAndRemembersWhereItWasAndThatItIsMaximizedWhenClosed() throws Exception {
        var stage = window.app().stage();
        assertEquals(List.of(40.0, 30.0, 1100.0, 700.0, false),
                onFx(() -> List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized())));

        onFx(() -> {
            stage.setX(60);
            stage.setWidth(1200);
            return null;
        });
        KillScenario.await(Duration.ofSeconds(3), "the window to move", () -> onFx(() -> stage.getWidth() == 1200));
        onFx(() -> {
            stage.setMaximized(true);
            return null;
        });
        KillScenario.await(Duration.ofSeconds(3), "the window to be maximized", () -> onFx(stage::isMaximized));
        onFx(() -> {
            stage.close();
            return null;
        });
        window.app().closed().get(10, TimeUnit.SECONDS);
        assertEquals(new WindowPlacement(60, 30, 1200, 700, true), WindowPlacementFile.in(config).read().orElseThrow(),
                "maximized, with the bounds it returns to when restored");
    }
}
