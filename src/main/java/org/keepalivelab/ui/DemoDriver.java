package org.keepalivelab.ui;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.util.Duration;
import org.keepalivelab.ui.export.PngExport;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.Sever;
import org.keepalivelab.model.Side;
import org.keepalivelab.ui.controls.KeepalivePreset;
import org.keepalivelab.ui.export.ExportRequest;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.Hit;

/**
 * For screenshots only ({@code -Dkeepalivelab.demo=kill}): fast settings, a second connection, then
 * clicks Kill client on connection 1 and severs connection 2; once both servers have seen their
 * connection end, shows the whole lab, writes the window to {@code keepalivelab.screenshot} and the
 * export to {@code keepalivelab.export} (when set) and quits.
 */
final class DemoDriver {
    static final String PROPERTY = "keepalivelab.demo";
    private static final int ORPHAN_SECONDS = 5;

    private final LabApp app;
    private final Path screenshot;
    private final Path export;
    private final Timeline poll = new Timeline();
    private long endedAt;

    private DemoDriver(LabApp app, Path screenshot, Path export) {
        this.app = app;
        this.screenshot = screenshot;
        this.export = export;
    }

    static Optional<DemoDriver> fromSystemProperties(LabApp app) {
        if (!"kill".equals(System.getProperty(PROPERTY))) {
            return Optional.empty();
        }
        return Optional.of(new DemoDriver(app, path("keepalivelab.screenshot"), path("keepalivelab.export")));
    }

    private static Path path(String property) {
        var value = System.getProperty(property);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /** The demo's settings: server keep-alive from the fast preset, client orphan lifetime 5 s. */
    static Optional<LabSettings> settings() {
        if (!"kill".equals(System.getProperty(PROPERTY))) {
            return Optional.empty();
        }
        var seed = LabSettings.seed();
        return Optional.of(seed.withServer(seed.server().withKeepalive(KeepalivePreset.FAST_DEMO.settings()))
                .withOrphanLifetime(ORPHAN_SECONDS));
    }

    void start() {
        var session = app.session();
        at(0.4, () -> session.connectAndSend(LabApp.SEED_BYTES));
        at(1.2, () -> {
            session.selectedConnProperty().set(1);
            ((Button) app.stage().getScene().lookup("#kill")).fire();
        });
        at(1.3, () -> {
            session.selectedConnProperty().set(2);
            session.sever(Sever.BOTH);
        });
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> check()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.setDelay(Duration.seconds(2));
        poll.play();
    }

    private static void at(double seconds, Runnable action) {
        var timer = new Timeline(new KeyFrame(Duration.seconds(seconds), e -> action.run()));
        timer.play();
    }

    private void check() {
        var lab = app.session().lab();
        if (lab.connections().size() < 2 || !lab.allServersEnded()) {
            return;
        }
        long now = lab.clock().now();
        if (endedAt == 0) {
            endedAt = now;
            return;
        }
        if (now - endedAt < 1_200_000_000L) {
            return;
        }
        poll.stop();
        var view = app.view();
        view.timeline().showAll();
        app.session().selectedConnProperty().set(1);
        pinLastServerProbe(view);
        at(0.6, this::capture);
    }

    private void pinLastServerProbe(MainView view) {
        view.model().lane(1, false).ifPresent(lane -> {
            var row = lane.segments(Side.SERVER);
            for (int i = row.size() - 1; i >= 0; i--) {
                if (row.kind(i) == org.keepalivelab.model.SegmentKind.KEEPALIVE) {
                    view.timeline().pin(new Hit.Segment(1, Side.SERVER, i));
                    return;
                }
            }
        });
    }

    private void capture() {
        var scene = app.stage().getScene();
        var image = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
        CompletableFuture<?> exported = export == null ? CompletableFuture.completedFuture(null)
                : app.view().exportPng(new ExportRequest(true, PngExport.DEFAULT_WIDTH, PngExport.DEFAULT_HEIGHT,
                Theme.LIGHT), export);
        CompletableFuture<?> shot = screenshot == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> {
                    try {
                        PngExport.writeImage(image, screenshot);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        CompletableFuture.allOf(exported, shot).whenComplete((ok, failure) -> {
            if (failure != null) {
                System.err.println("Demo capture failed: " + LabSession.words(failure));
            }
            Platform.runLater(() -> app.stage().close());
        });
    }
}
