package org.keepalivelab.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.keepalivelab.export.PcapngFile;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.ui.capture.CaptureLoad;
import org.keepalivelab.ui.capture.ImportProgress;
import org.keepalivelab.ui.capture.OpenedCapture;
import org.keepalivelab.ui.capture.RunFolder;

/**
 * The window's File commands: Open capture… (and a file dropped on the window), Open saved run…, Save
 * lab run…, Export lab capture as pcapng…. A capture is read on its own thread with its progress shown
 * ({@link CaptureLoad}); the view stays as it is until it is read, and stays on a failure, whose
 * sentence shows in the message banner. A run is saved, and the lab's capture exported, on the window's
 * file writer ({@link RunFolder}, {@link PcapngFile}). FX thread; no file is touched on it.
 */
final class CaptureFiles {
    private final ImportProgress progress;
    private final Supplier<Window> owner;
    private final Lab lab;
    private final Executor io;
    private final Consumer<OpenedCapture> opened;
    private final Consumer<String> message;
    private final Consumer<String> note;
    private CaptureLoad reading;

    /**
     * @param opened  shows a capture once read; FX thread
     * @param message shows a failure, in one sentence; FX thread
     * @param note    shows a word on the latest save; FX thread
     */
    CaptureFiles(ImportProgress progress, Supplier<Window> owner, Lab lab, Executor io, Consumer<OpenedCapture> opened,
                 Consumer<String> message, Consumer<String> note) {
        this.progress = progress;
        this.owner = owner;
        this.lab = lab;
        this.io = io;
        this.opened = opened;
        this.message = message;
        this.note = note;
    }

    /** A capture file (or a saved run's folder) dropped on {@code target} opens as Open capture… would. */
    void acceptDropsOn(Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean taken = e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1;
            if (taken) {
                open(e.getDragboard().getFiles().getFirst().toPath());
            }
            e.setDropCompleted(taken);
            e.consume();
        });
    }

    void chooseCapture() {
        var chooser = new FileChooser();
        chooser.setTitle("Open a capture");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Captures (pcap, pcapng, gzip)", "*.pcap", "*.pcapng", "*.cap",
                        "*.pcap.gz", "*.pcapng.gz", "*.gz"),
                new FileChooser.ExtensionFilter("Every file", "*"));
        Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath).ifPresent(this::open);
    }

    void chooseRun() {
        var chooser = new DirectoryChooser();
        chooser.setTitle("Open a saved run (its folder)");
        Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath).ifPresent(this::open);
    }

    void chooseAndSave() {
        var chooser = new FileChooser();
        chooser.setTitle("Save the lab's run as a folder");
        chooser.setInitialFileName("keepalive-lab-run");
        Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath).ifPresent(this::save);
    }

    /**
     * Reads {@code chosen} (a capture, or a saved run's folder or capture) and shows it once read; one at a
     * time. Completes with the capture shown, or as the read failed or was cancelled.
     */
    CompletableFuture<OpenedCapture> open(Path chosen) {
        if (reading != null) {
            message.accept(reading.file().getFileName() + " is being read: cancel it first to open " + chosen.getFileName() + ".");
            return CompletableFuture.failedFuture(new IllegalStateException("a capture is being read"));
        }
        var load = CaptureLoad.start(chosen);
        reading = load;
        progress.show(load);
        var shown = new CompletableFuture<OpenedCapture>();
        load.done().whenComplete((capture, failure) -> Platform.runLater(() -> {
            reading = null;
            progress.hide();
            if (failure == null) {
                opened.accept(capture);
                shown.complete(capture);
                return;
            }
            var cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (!(cause instanceof CancellationException)) {
                message.accept(cause.getMessage());
            }
            shown.completeExceptionally(cause);
        }));
        return shown;
    }

    /** Saves the lab's run into {@code folder} on the file writer; completes once written. */
    CompletableFuture<Path> save(Path folder) {
        return write("Saving the run…", folder, () -> RunFolder.save(lab, folder),
                written -> "Saved the run in " + written.getFileName(), "The run could not be saved in ");
    }

    void chooseAndExportPcapng() {
        if (lab.packets().isEmpty()) {
            message.accept("There is no capture to export. " + lab.captureProblem().orElse("The lab captures nothing."));
            return;
        }
        var chooser = new FileChooser();
        chooser.setTitle("Export the lab's capture, each segment with its label");
        chooser.setInitialFileName("keepalive-lab.pcapng");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcapng", "*.pcapng"));
        Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath).ifPresent(this::exportPcapng);
    }

    /**
     * Writes the lab's capture so far to {@code file} as pcapng, each packet with its label as a comment
     * ({@link PcapngFile#writeLab}), whole or not at all; completes once written.
     */
    CompletableFuture<Path> exportPcapng(Path file) {
        return write("Exporting the capture…", file, () -> {
            PcapngFile.writeLab(lab, file);
            return file;
        }, written -> "Exported the capture to " + written.getFileName(), "The capture could not be exported to ");
    }

    /** A file the window writes: on the file writer, with a note while it does and one sentence on a failure. */
    @FunctionalInterface
    private interface Writing {
        Path write() throws IOException;
    }

    private CompletableFuture<Path> write(String doing, Path target, Writing writing, Function<Path, String> done,
                                          String failedTo) {
        note.accept(doing);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return writing.write();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).whenComplete((written, failure) -> Platform.runLater(() -> {
            if (failure == null) {
                note.accept(done.apply(written));
            } else {
                note.accept("");
                var cause = failure.getCause() instanceof UncheckedIOException u ? u.getCause() : failure.getCause();
                message.accept(failedTo + target + ": " + (cause == null ? failure.getMessage() : cause.getMessage()) + ".");
            }
        }));
    }

    /** Shows how far the capture being read has come. */
    void poll() {
        progress.update();
    }

    /** Stops a read under way: the window is closing. */
    void cancel() {
        if (reading != null) {
            reading.cancel();
        }
    }
}
