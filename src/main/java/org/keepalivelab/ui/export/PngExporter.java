package org.keepalivelab.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.timeline.TimelineModel;
import org.keepalivelab.ui.timeline.VisibleWindow;

/**
 * The window's PNG export: draws on the FX thread (an offscreen canvas, no window involved), then
 * encodes and writes on a background thread, so the FX thread never does file I/O.
 */
public final class PngExporter {
    private final Executor background;

    public PngExporter(Executor background) {
        this.background = background;
    }

    /**
     * FX thread: draws now, writes in the background; completes with the file written.
     *
     * @param model    the window's own model, pulled just before, so it is current: a model of its own
     *                 would take in every event of the lab again, on the FX thread
     * @param defaults the kernel's defaults, already loaded ({@code LabSession.defaults()})
     * @param modeNote  see {@link TimelineImage.Caption}; null for a lab that captures and severs
     * @param explained the explanations made so far: their brackets and stories are drawn
     * @param shown    the visible range, exported unless the request is for the whole lab
     */
    public CompletableFuture<Path> export(TimelineModel model, List<ConnectionStatus> connections,
                                          KernelDefaults defaults, String modeNote, List<Explanation> explained,
                                          VisibleWindow shown,
                                          ExportRequest request, Path file) {
        long start = TimelineImage.wholeLabStart(model);
        var window = request.wholeLab()
                ? TimelineImage.allLanes(model, start, TimelineImage.wholeLabEnd(model, start)) : shown;
        var caption = new TimelineImage.Caption(request.wholeLab() ? "whole lab" : "visible range", modeNote,
                connections, defaults, explained);
        var picture = TimelineImage.draw(model, window, request.width(), request.height(), request.theme(), caption);
        BufferedImage image = PngExport.opaque(picture.image());
        return CompletableFuture.supplyAsync(() -> {
            try {
                PngExport.writeImage(image, picture.description(), file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
            }
        }, background);
    }
}
