package org.keepalivelab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ButtonBase;
import javafx.util.Duration;
import org.keepalivelab.export.PcapFile;
import org.keepalivelab.lab.LabSettings;
import org.keepalivelab.lab.Sever;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Side;
import org.keepalivelab.ui.controls.ActionBar;
import org.keepalivelab.ui.controls.KeepalivePreset;
import org.keepalivelab.ui.export.ExportRequest;
import org.keepalivelab.ui.export.PngExport;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.Hit;

/**
 * The README's screenshots, as {@link Screenshots} runs them: a second connection, then Kill client on
 * connection 1 (clicked, like a user) and Sever on connection 2; once both servers have seen their
 * connection end, shows the whole lab, writes the window to one file and the PNG export to another;
 * then opens the run's own capture as a file (Open capture…), waits until every row of its list has its
 * detection, writes the window again to a third file, and closes the window.
 */
final class KillDemo {
    /** The demo's settings: server keep-alive from the fast preset, client orphan lifetime 5 s. */
    static final LabSettings SETTINGS = LabSettings.seed()
            .withServer(LabSettings.seed().server().withKeepalive(KeepalivePreset.FAST_DEMO.settings()))
            .withOrphanLifetime(5);
    /** How long the window goes on after both servers saw the end: the last marks settle. */
    private static final long SETTLE_NANOS = 1_200_000_000L;

    private final LabApp app;
    private final Path screenshot;
    private final Path export;
    private final Path captureShot;
    private final Timeline poll = new Timeline();
    private long endedAt;

    KillDemo(LabApp app, Path screenshot, Path export, Path captureShot) {
        this.app = app;
        this.screenshot = screenshot;
        this.export = export;
        this.captureShot = captureShot;
    }

    /** Starts the clicks, on the FX thread, once the window shows. */
    void start() {
        var session = app.session();
        at(0.4, () -> session.connectAndSend(ActionBar.HOWDY_BYTES));
        at(1.2, () -> {
            session.selectedConnProperty().set(1);
            ((ButtonBase) app.stage().getScene().lookup("#kill")).fire();
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
        if (now - endedAt < SETTLE_NANOS) {
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
                if (row.kind(i) == SegmentKind.KEEPALIVE) {
                    view.timeline().pin(new Hit.Segment(1, Side.SERVER, i));
                    return;
                }
            }
        });
    }

    private void capture() {
        var exported = app.view().exportPng(
                new ExportRequest(true, PngExport.DEFAULT_WIDTH, PngExport.DEFAULT_HEIGHT, Theme.LIGHT), export);
        CompletableFuture.allOf(exported, writeWindow(screenshot)).whenComplete((ok, failure) -> {
            if (failure != null) {
                fail(failure);
            } else {
                Platform.runLater(this::openOwnCapture);
            }
        });
    }

    /** Writes the window as it shows now to {@code file}, off the FX thread. */
    private CompletableFuture<Void> writeWindow(Path file) {
        var image = SwingFXUtils.fromFXImage(app.stage().getScene().snapshot(null), null);
        return CompletableFuture.runAsync(() -> {
            try {
                PngExport.writeImage(image, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Opens the run's own packets as a capture file, as File > Open capture… does. */
    private void openOwnCapture() {
        var packets = app.session().lab().packets().orElseThrow();
        CompletableFuture.supplyAsync(() -> {
            try {
                var folder = Files.createTempDirectory("kill-demo");
                var file = folder.resolve("kill-demo.pcap"); // the name the window's tab shows
                folder.toFile().deleteOnExit();
                file.toFile().deleteOnExit();
                PcapFile.write(packets, file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).thenAccept(file -> Platform.runLater(() -> app.view().openCapture(file).whenComplete((opened, failure) -> {
            if (failure != null) {
                fail(failure);
            } else {
                Platform.runLater(this::whenDetectionsFilled);
            }
        })));
    }

    private void whenDetectionsFilled() {
        var screen = app.view().captureScreen();
        if (screen == null || screen.list().pending() > 0) {
            at(0.25, this::whenDetectionsFilled);
            return;
        }
        screen.timeline().showAll();
        at(0.6, () -> writeWindow(captureShot).whenComplete((ok, failure) -> {
            if (failure != null) {
                fail(failure);
            }
            Platform.runLater(() -> app.stage().close());
        }));
    }

    private void fail(Throwable failure) {
        System.err.println("Demo capture failed: " + LabSession.words(failure));
        Platform.runLater(() -> app.stage().close());
    }
}
