package org.keepalivelab.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.theme.Theme;
import org.keepalivelab.ui.timeline.TimelineView;
import org.keepalivelab.ui.timeline.VisibleWindow;

/**
 * The window's "Export PNG…": takes what the timeline shows the moment it is asked (its time window and
 * its lanes on screen), asks what to export ({@link ExportDialog}) and where (a save chooser that starts
 * in {@link ExportFolder}'s folder), then draws and writes the picture in the background. The visible
 * range the dialog offers is the one written, however the live view moves while the dialog is open.
 * FX thread.
 */
public final class ExportFlow {
    /** Asks where to write the PNG, starting in {@code folder}; empty when the user cancels. FX thread. */
    @FunctionalInterface
    interface SaveChooser {
        Optional<Path> choose(Window owner, Path folder);
    }

    /** What the timeline shows, for the picture: a lab's run, or a capture file's. */
    public interface Source {
        /** The time the picture may reach, ns: the lab's now, a capture's last event. */
        long now();

        /** The lab's connections, whose settings the caption and lane titles show; empty for a capture. */
        List<ConnectionStatus> connections();

        /** The note under the title ({@link TimelineImage.Caption}); null for none. */
        String modeNote();

        /** The kernel defaults the connections' settings are worded by, as they are when the picture is drawn. */
        KernelDefaults defaults();

        /** A lab's run: its time, its connections, its mode's note. */
        static Source of(Lab lab) {
            return new Source() {
                @Override
                public long now() {
                    return lab.clock().now();
                }

                @Override
                public List<ConnectionStatus> connections() {
                    return lab.connections();
                }

                @Override
                public String modeNote() {
                    return PngExport.modeNote(lab);
                }

                @Override
                public KernelDefaults defaults() {
                    return KernelDefaults.of(lab.kernel().latest());
                }
            };
        }
    }

    private final TimelineView timeline;
    private final Source source;
    private final Supplier<List<Explanation>> explained;
    private final Executor io;
    private final Consumer<String> note;
    private final Consumer<Throwable> failed;
    private final ExportFolder folder;
    private final SaveChooser chooser;
    private final PngExporter exporter;

    /**
     * @param timeline the window's timeline: what it shows is the visible range
     * @param source   what it shows: a lab's run, or a capture
     * @param explained what the window has explained, as it is when an export is drawn: its brackets and
     *                  stories go into the picture
     * @param io       the window's file writer: PNGs and the export's setting are written there, in turn
     * @param note     shows a word on the latest export ("Exporting…", "Saved timeline.png"); FX thread
     * @param failed   shows the user why an export failed; FX thread
     */
    public ExportFlow(TimelineView timeline, Source source, Supplier<List<Explanation>> explained,
                      Executor io, Consumer<String> note, Consumer<Throwable> failed) {
        this(timeline, source, explained, io, note, failed, ExportFolder.ofUser(), ExportFlow::fileChooser);
    }

    /** As above, with the folders and the save step given: a test's own, in place of the user's and the native chooser. */
    ExportFlow(TimelineView timeline, Source source, Supplier<List<Explanation>> explained,
               Executor io, Consumer<String> note, Consumer<Throwable> failed, ExportFolder folder, SaveChooser chooser) {
        this.timeline = timeline;
        this.source = source;
        this.explained = explained;
        this.io = io;
        this.note = note;
        this.failed = failed;
        this.folder = folder;
        this.chooser = chooser;
        this.exporter = new PngExporter(io);
        io.execute(folder::load); // reads files: not on the FX thread, and long before the first export
    }

    /**
     * Asks what to export, as the timeline shows it now, and where; writes it in the background and
     * remembers the folder for the next time.
     *
     * @param current the window's theme, the dialog's default
     * @return the file being written, complete once it is; empty when the user cancelled
     */
    public Optional<CompletableFuture<Path>> askAndExport(Theme current) {
        var shown = timeline.visibleWindow();
        long end = Math.max(source.now(), timeline.model().lastT());
        var owner = timeline.getScene() == null ? null : timeline.getScene().getWindow();
        return ExportDialog.ask(owner, current, ExportText.range(0, end), visibleRange(shown))
                .flatMap(request -> chooser.choose(owner, folder.initial())
                        .map(file -> export(request, shown, file).thenApplyAsync(written -> {
                            folder.remember(written.toAbsolutePath().getParent());
                            return written;
                        }, io)));
    }

    /** Exports {@code request} to {@code file} with the timeline's visible range as it is now; completes once written. */
    public CompletableFuture<Path> export(ExportRequest request, Path file) {
        return export(request, timeline.visibleWindow(), file);
    }

    /** Exports {@code request} to {@code file}, {@code shown} being the visible range; the outcome also shows in the window. */
    CompletableFuture<Path> export(ExportRequest request, VisibleWindow shown, Path file) {
        note.accept("Exporting…");
        timeline.pull();
        return exporter.export(timeline.model(), source.connections(), source.defaults(), source.modeNote(), explained.get(),
                        shown, request, file)
                .whenComplete((written, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        note.accept("");
                        failed.accept(failure);
                    } else {
                        note.accept("Saved " + written.getFileName());
                    }
                }));
    }

    /** The visible range as the dialog offers it: "6 min 42 s – 7 min 27 s, connections 20–23". */
    private static String visibleRange(VisibleWindow shown) {
        String range = ExportText.range(shown.start(), shown.end());
        return shown.firstConn() == 0 ? range : range + ", " + ExportText.lanes(shown.firstConn(), shown.lastConn());
    }

    private static Optional<Path> fileChooser(Window owner, Path folder) {
        var chooser = new FileChooser();
        chooser.setTitle("Export timeline as PNG");
        chooser.setInitialDirectory(folder.toFile());
        chooser.setInitialFileName("keepalive-lab.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }
}
